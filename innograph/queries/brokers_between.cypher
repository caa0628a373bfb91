// name: brokers_between
// title_en: Brokers between two places
// title_zh: 两地之间的桥梁主体
// description: Actors tied to both of two parks or regions (any tie, either direction), and how.
// param: first | str | required | 苏州工业园区 | Name or alias of the first park or region
// param: second | str | required | 昆山高新区 | Name or alias of the second park or region
// simplify: first, second
// Each place is found through the name and alias indexes first (WITH keeps the planner from
// folding the second lookup into a filter after the walk).
MATCH (p:Actor)
WHERE p.name = $first OR $first IN p.aliases
WITH p
MATCH (q:Actor)
WHERE (q.name = $second OR $second IN q.aliases) AND p <> q
WITH p, q
MATCH (p)-[r1]-(x:Actor)-[r2]-(q)
WHERE x <> p AND x <> q
RETURN x.name AS broker, x.type AS broker_type, collect(DISTINCT type(r1)) AS ties_to_first,
       collect(DISTINCT type(r2)) AS ties_to_second, p.name AS first, q.name AS second
ORDER BY broker
