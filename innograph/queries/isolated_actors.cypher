// name: isolated_actors
// title_en: Actors with no ties
// title_zh: 无关联的主体（覆盖缺口）
// description: Actors that documents name but that no tie joins to any other actor: gaps in what the graph covers.
// param: type | str actor_type | "" | Enterprise | Only actors of this type; empty for every type
// variant: falkordb
// An actor's ties counted by the engine's degree functions, one lookup per tie type (the nine the
// ontology defines; a test checks the list): the pattern comprehension walks every edge and its
// other end, and an untyped outdegree is slower still (measured, 100k actors: ~1 s vs > 10 s).
MATCH (a:Actor)
WHERE $type = '' OR a.type = $type
WITH a
WHERE outdegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY')
      + indegree(a, 'COLLABORATES_WITH', 'CO_BUILDS', 'FOCUSES_ON', 'FUNDS', 'HOSTS', 'LEADS', 'PART_OF', 'RUNS', 'SELECTED_BY') = 0
OPTIONAL MATCH (e:Evidence)-[:MENTIONS]->(a)
OPTIONAL MATCH (e)-[:IN_DOCUMENT]->(d:Document)
RETURN a.name AS name, a.type AS type, count(DISTINCT e) AS mentions, count(DISTINCT d) AS documents
ORDER BY type, mentions DESC, name
// variant: neo4j
MATCH (a:Actor)
WHERE $type = '' OR a.type = $type
WITH a, size([(a)-[]-(:Actor) | 1]) AS ties
WHERE ties = 0
OPTIONAL MATCH (e:Evidence)-[:MENTIONS]->(a)
OPTIONAL MATCH (e)-[:IN_DOCUMENT]->(d:Document)
RETURN a.name AS name, a.type AS type, count(DISTINCT e) AS mentions, count(DISTINCT d) AS documents
ORDER BY type, mentions DESC, name
