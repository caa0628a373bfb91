// name: collaboration_network
// title_en: Collaboration network of an actor
// title_zh: 主体的合作网络
// description: Who an actor works with within a few steps, where one step is co-building the same thing, co-funding the same actor, or collaborating; with one shortest chain for each partner.
// param: actor | str | required | 苏州工业园区 | Name or alias of the actor, Simplified or Traditional
// param: depth | int 1..3 | 1 | 2 | How many steps away partners may be (1 to 3)
// simplify: actor
// A step is COLLABORATES_WITH either way, or two CO_BUILDS (or two FUNDS) ties that meet at the thing
// built (or funded). The search goes breadth first, one step at a time, keeping for each actor reached
// the first step count at which it is reached and, at that count, the chain with fewest actors; only
// actors reached for the first time are expanded further. So the work grows with the actors reached,
// not with the number of chains (a variable-length pattern of up to 6 ties through hub labs did not
// finish in 10 s on 10k actors). The [a, null] and [null, null] entries keep a row alive when a
// step reaches nobody; what they reach has no chain and is dropped. The state is carried as one
// list per actor, never as a grouping key (hashing it per row cost more than the search), and the
// patterns name no labels, so the engine walks them from x (ties join actors only).
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN a.aliases
WITH a, [[a, [a.name]]] AS frontier, [] AS found
// step 1
UNWIND CASE WHEN $depth >= 1 THEN frontier ELSE [] END + [[a, null]] AS f
WITH a, found, f[0] AS x, f[1] AS chain
WITH a, found,
     [(x)-[:COLLABORATES_WITH]-(y) | [y, chain + [y.name]]]
     + [(x)-[:CO_BUILDS]->(m)<-[:CO_BUILDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]]
     + [(x)-[:FUNDS]->(m)<-[:FUNDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]] AS steps
UNWIND steps + [[null, null]] AS s
WITH a, found, s[0] AS y, s[1] AS via
ORDER BY size(via)
WITH a, y, head(collect(via)) AS via, head(collect(found)) AS found
WITH a, head(collect(found)) AS found, collect([y, via]) AS reached
WITH a, found, [a] + [p IN found | p[0]] AS seen, reached
WITH a, found, [p IN reached WHERE p[1] IS NOT NULL AND NOT p[0] IN seen] AS frontier
WITH a, frontier, found + [p IN frontier | [p[0], 1, p[1]]] AS found
// step 2
UNWIND CASE WHEN $depth >= 2 THEN frontier ELSE [] END + [[a, null]] AS f
WITH a, found, f[0] AS x, f[1] AS chain
WITH a, found,
     [(x)-[:COLLABORATES_WITH]-(y) | [y, chain + [y.name]]]
     + [(x)-[:CO_BUILDS]->(m)<-[:CO_BUILDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]]
     + [(x)-[:FUNDS]->(m)<-[:FUNDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]] AS steps
UNWIND steps + [[null, null]] AS s
WITH a, found, s[0] AS y, s[1] AS via
ORDER BY size(via)
WITH a, y, head(collect(via)) AS via, head(collect(found)) AS found
WITH a, head(collect(found)) AS found, collect([y, via]) AS reached
WITH a, found, [a] + [p IN found | p[0]] AS seen, reached
WITH a, found, [p IN reached WHERE p[1] IS NOT NULL AND NOT p[0] IN seen] AS frontier
WITH a, frontier, found + [p IN frontier | [p[0], 2, p[1]]] AS found
// step 3
UNWIND CASE WHEN $depth >= 3 THEN frontier ELSE [] END + [[a, null]] AS f
WITH a, found, f[0] AS x, f[1] AS chain
WITH a, found,
     [(x)-[:COLLABORATES_WITH]-(y) | [y, chain + [y.name]]]
     + [(x)-[:CO_BUILDS]->(m)<-[:CO_BUILDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]]
     + [(x)-[:FUNDS]->(m)<-[:FUNDS]-(y) WHERE y <> x | [y, chain + [m.name, y.name]]] AS steps
UNWIND steps + [[null, null]] AS s
WITH a, found, s[0] AS y, s[1] AS via
ORDER BY size(via)
WITH a, y, head(collect(via)) AS via, head(collect(found)) AS found
WITH a, head(collect(found)) AS found, collect([y, via]) AS reached
WITH a, found, [a] + [p IN found | p[0]] AS seen, reached
WITH a, found, [p IN reached WHERE p[1] IS NOT NULL AND NOT p[0] IN seen] AS frontier
WITH a, frontier, found + [p IN frontier | [p[0], 3, p[1]]] AS found
UNWIND found AS p
WITH a, p[0] AS b, p[1] AS distance, p[2] AS via
RETURN a.name AS actor, b.name AS partner, b.type AS partner_type, distance, via
ORDER BY distance, partner
