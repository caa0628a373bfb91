// name: connection_paths
// title_en: How two actors are connected
// title_zh: 关系发现：两个主体如何关联
// description: The shortest chains of ties between two actors, up to a number of ties, using only the tie types chosen.
// param: source | str | required | 复旦大学 | Name or alias of the first actor, Simplified or Traditional
// param: target | str | required | 苏州工业园区 | Name or alias of the second actor, Simplified or Traditional
// param: depth | int 1..6 | 4 | 3 | At most this many ties in a chain
// param: ties | list[str] tie_type | "" | CO_BUILDS,HOSTS | Tie types a chain may use; empty for all
// simplify: source, target
// variant: falkordb
// FalkorDB has no undirected shortestPath; algo.SPpaths searches both directions over the given types.
MATCH (s:Actor)
WHERE s.name = $source OR $source IN s.aliases
MATCH (t:Actor)
WHERE (t.name = $target OR $target IN t.aliases) AND s <> t
CALL algo.SPpaths({sourceNode: s, targetNode: t, relTypes: $ties, maxLen: $depth, relDirection: 'both', pathCount: 0})
YIELD path
WITH path, [r IN relationships(path) | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS statements
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS actors, [n IN nodes(path) | n.type] AS types,
       [r IN relationships(path) | type(r)] AS ties, statements
ORDER BY hops, statements
// variant: neo4j
// The length bound of a pattern cannot be a parameter: search up to 6 and keep chains of at most $depth.
MATCH (s:Actor)
WHERE s.name = $source OR $source IN s.aliases
MATCH (t:Actor)
WHERE (t.name = $target OR $target IN t.aliases) AND s <> t
MATCH path = allShortestPaths((s)-[*..6]-(t))
WHERE all(r IN relationships(path) WHERE type(r) IN $ties)
WITH path WHERE length(path) <= $depth
WITH path, [r IN relationships(path) | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS statements
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS actors, [n IN nodes(path) | n.type] AS types,
       [r IN relationships(path) | type(r)] AS ties, statements
ORDER BY hops, statements
