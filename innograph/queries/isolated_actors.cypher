// name: isolated_actors
// title_en: Actors with no ties
// title_zh: 无关联的主体（覆盖缺口）
// description: Actors that documents name but that no tie joins to any other actor: gaps in what the graph covers.
// param: type | str actor_type | "" | Enterprise | Only actors of this type; empty for every type
MATCH (a:Actor)
WHERE $type = '' OR a.type = $type
WITH a, size([(a)-[]-(:Actor) | 1]) AS ties
WHERE ties = 0
OPTIONAL MATCH (e:Evidence)-[:MENTIONS]->(a)
OPTIONAL MATCH (e)-[:IN_DOCUMENT]->(d:Document)
RETURN a.name AS name, a.type AS type, count(DISTINCT e) AS mentions, count(DISTINCT d) AS documents
ORDER BY type, mentions DESC, name
