// name: most_connected
// title_en: Most connected actors
// title_zh: 连接最多的主体
// description: Actors ranked by how many ties they have (degree), optionally only actors of one type and only ties of one type, with the count per tie type.
// param: type | str actor_type | "" | Enterprise | Only actors of this type; empty for every type
// param: tie | str tie_type | "" | CO_BUILDS | Only ties of this type; empty for every type
// param: limit | int 1..10000 | 20 | 10 | At most this many actors
// variant: falkordb
// An actor's ties counted by the engine's degree functions, one lookup per tie type (the nine the
// ontology defines; a test checks the list): the pattern comprehension walks every edge and its
// other end, and an untyped outdegree is slower still (measured, 100k actors: ~1 s vs > 10 s).
// Only the top $limit actors are then walked for their counts per tie type.
MATCH (a:Actor)
WHERE $type = '' OR a.type = $type
WITH a, CASE WHEN $tie = '' THEN outdegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY')
                           + indegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY')
        ELSE outdegree(a, $tie) + indegree(a, $tie) END AS degree
WHERE degree > 0
WITH a, degree
ORDER BY degree DESC, a.name
LIMIT $limit
MATCH (a)-[r]-(:Actor)
WHERE $tie = '' OR type(r) = $tie
WITH a, degree, type(r) AS tie, count(r) AS n
ORDER BY n DESC, tie
WITH a, degree, collect(tie + ' ' + toString(n)) AS by_tie
RETURN a.name AS name, a.type AS type, degree, by_tie
ORDER BY degree DESC, name
// variant: neo4j
MATCH (a:Actor)-[r]-(:Actor)
WHERE ($type = '' OR a.type = $type) AND ($tie = '' OR type(r) = $tie)
WITH a, type(r) AS tie, count(r) AS n
ORDER BY n DESC, tie
WITH a, toInteger(sum(n)) AS degree, collect(tie + ' ' + toString(n)) AS by_tie
RETURN a.name AS name, a.type AS type, degree, by_tie
ORDER BY degree DESC, name
LIMIT $limit
