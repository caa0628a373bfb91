// name: actors_of_type
// title_en: Actors of a type
// title_zh: 按类型查找主体
// description: Which actors of a type does the graph know, optionally only those whose name or an alias contains a fragment (Simplified or Traditional)?
// param: type | str actor_type | "" | Park | Actor type from the ontology; empty for every type
// param: fragment | str | "" | 苏州 | Part of the name or of an alias; empty for all
// param: limit | int 1..10000 | 200 | 50 | At most this many rows
// simplify: fragment
MATCH (a:Actor)
WHERE ($type = '' OR a.type = $type)
  AND ($fragment = '' OR a.name CONTAINS $fragment OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $fragment))
WITH a, size([(a)-[]-(:Actor) | 1]) AS ties
RETURN a.name AS name, a.type AS type, coalesce(a.aliases, []) AS aliases, ties
ORDER BY ties DESC, name
LIMIT $limit
