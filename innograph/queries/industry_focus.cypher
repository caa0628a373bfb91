// name: industry_focus
// title_en: Industry focus by place
// title_zh: 各地产业聚焦矩阵
// description: For each place and industry, how many actors focus on it there: the place itself and the actors it hosts (long form; pivot for a places x industries matrix).
// param: types | list[str] actor_type | "Park,Region" | Park | Actor types that count as places
MATCH (p:Actor)-[:HOSTS*0..1]->(x:Actor)-[:FOCUSES_ON]->(i:Actor)
WHERE p.type IN $types
WITH p, i, collect(DISTINCT x.name) AS focused
RETURN p.name AS place, p.type AS place_type, i.name AS industry, size(focused) AS actors,
       p.name IN focused AS own_focus, focused
ORDER BY place, actors DESC, industry
