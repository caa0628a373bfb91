// name: place_hosts
// title_en: What a park or region hosts
// title_zh: 园区或区域承载的主体
// description: Everything a park or region hosts, directly or through the parks that are part of it, grouped by actor type.
// param: place | str | required | 苏州工业园区 | Name or alias of a park or region, Simplified or Traditional
// simplify: place
MATCH (p:Actor)
WHERE p.name = $place OR $place IN p.aliases
MATCH (p)<-[:PART_OF*0..1]-(h:Actor)-[:HOSTS]->(x:Actor)
WITH p, x, collect(DISTINCT h.name) AS hosts
WITH p, x.type AS type, x.name + CASE WHEN p.name IN hosts THEN '' ELSE ' (' + hosts[0] + ')' END AS hosted
ORDER BY hosted
RETURN p.name AS place, type, count(*) AS count, collect(hosted) AS actors
ORDER BY count DESC, type
