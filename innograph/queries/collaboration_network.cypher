// name: collaboration_network
// title_en: Collaboration network of an actor
// title_zh: 主体的合作网络
// description: Who an actor works with within a few steps, where one step is co-building the same thing, co-funding the same actor, or collaborating; with one shortest chain for each partner.
// param: actor | str | required | 苏州工业园区 | Name or alias of the actor, Simplified or Traditional
// param: depth | int 1..3 | 1 | 2 | How many steps away partners may be (1 to 3)
// simplify: actor
// A step is COLLABORATES_WITH either way, or two CO_BUILDS (or two FUNDS) ties that meet at the thing
// built (or funded). The pattern has a fixed upper bound (3 steps = 6 ties); the path is kept only if it
// splits into such steps and has at most $depth of them.
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN coalesce(a.aliases, [])
MATCH p = (a)-[:CO_BUILDS|FUNDS|COLLABORATES_WITH*1..6]-(b:Actor)
WITH a, b, p, relationships(p) AS rs, nodes(p) AS ns
WHERE b <> a AND length(p) <= 2 * $depth
  AND (type(rs[0]) = 'COLLABORATES_WITH' OR startNode(rs[0]) = a)
  AND (type(rs[size(rs) - 1]) = 'COLLABORATES_WITH' OR startNode(rs[size(rs) - 1]) = b)
  AND all(j IN range(1, size(rs) - 1) WHERE
        (type(rs[j]) <> 'COLLABORATES_WITH' AND type(rs[j - 1]) = type(rs[j])
         AND endNode(rs[j - 1]) = ns[j] AND endNode(rs[j]) = ns[j])
     OR ((type(rs[j - 1]) = 'COLLABORATES_WITH' OR startNode(rs[j - 1]) = ns[j])
         AND (type(rs[j]) = 'COLLABORATES_WITH' OR startNode(rs[j]) = ns[j])))
WITH a, b, ns, size([r IN rs WHERE type(r) = 'COLLABORATES_WITH']) + size([r IN rs WHERE type(r) <> 'COLLABORATES_WITH']) / 2 AS steps
WITH a, b, steps, [n IN ns | n.name] AS chain
ORDER BY steps, size(chain)
WITH a, b, head(collect(steps)) AS distance, head(collect(chain)) AS via
RETURN a.name AS actor, b.name AS partner, b.type AS partner_type, distance, via
ORDER BY distance, partner
