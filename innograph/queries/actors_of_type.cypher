// name: actors_of_type
// title_en: Actors of a type
// title_zh: 按类型查找主体
// description: Which actors of a type does the graph know, optionally only those whose name or an alias contains a fragment (Simplified or Traditional)?
// param: type | str actor_type | "" | Park | Actor type from the ontology; empty for every type
// param: fragment | str | "" | 苏州 | Part of the name or of an alias; empty for all
// param: limit | int 1..10000 | 200 | 50 | At most this many rows
// simplify: fragment
// variant: falkordb
// An actor's ties counted by the engine's degree functions, one lookup per tie type (the nine the
// ontology defines; a test checks the list): the pattern comprehension walks every edge and its
// other end, and an untyped outdegree is slower still (measured, 100k actors: ~1 s vs > 10 s).
MATCH (a:Actor)
WHERE ($type = '' OR a.type = $type)
  AND ($fragment = '' OR a.name CONTAINS $fragment OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $fragment))
WITH a, outdegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY')
       + indegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY') AS ties
RETURN a.name AS name, a.type AS type, coalesce(a.aliases, []) AS aliases, ties
ORDER BY ties DESC, name
LIMIT $limit
// variant: neo4j
MATCH (a:Actor)
WHERE ($type = '' OR a.type = $type)
  AND ($fragment = '' OR a.name CONTAINS $fragment OR any(alias IN coalesce(a.aliases, []) WHERE alias CONTAINS $fragment))
WITH a, size([(a)-[]-(:Actor) | 1]) AS ties
RETURN a.name AS name, a.type AS type, coalesce(a.aliases, []) AS aliases, ties
ORDER BY ties DESC, name
LIMIT $limit
