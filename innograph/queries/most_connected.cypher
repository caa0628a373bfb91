// name: most_connected
// title_en: Most connected actors
// title_zh: 连接最多的主体
// description: Actors ranked by how many ties they have (degree), optionally only actors of one type and only ties of one type, with the count per tie type.
// param: type | str actor_type | "" | Enterprise | Only actors of this type; empty for every type
// param: tie | str tie_type | "" | CO_BUILDS | Only ties of this type; empty for every type
// param: limit | int 1..10000 | 20 | 10 | At most this many actors
MATCH (a:Actor)-[r]-(:Actor)
WHERE ($type = '' OR a.type = $type) AND ($tie = '' OR type(r) = $tie)
WITH a, type(r) AS tie, count(r) AS n
ORDER BY n DESC, tie
WITH a, toInteger(sum(n)) AS degree, collect(tie + ' ' + toString(n)) AS by_tie
RETURN a.name AS name, a.type AS type, degree, by_tie
ORDER BY degree DESC, name
LIMIT $limit
