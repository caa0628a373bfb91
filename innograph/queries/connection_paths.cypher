// name: connection_paths
// title_en: How two actors are connected
// title_zh: 关系发现：两个主体如何关联
// description: The shortest chains of ties between two actors (every one when there are at most 100, else 100 of them), up to a number of ties, using only the tie types chosen.
// param: source | str | required | 复旦大学 | Name or alias of the first actor, Simplified or Traditional
// param: target | str | required | 苏州工业园区 | Name or alias of the second actor, Simplified or Traditional
// param: depth | int 1..6 | 4 | 3 | At most this many ties in a chain
// param: ties | list[str] tie_type | "" | CO_BUILDS,HOSTS | Tie types a chain may use; empty for all
// simplify: source, target
// A bidirectional breadth-first search, written out step by step as collaboration_network is: the
// side with the smaller frontier (f: the source's layers, b: the target's) grows by one layer per
// step, until a new layer touches the other side's frontier (the actors met, all at the same
// distance from both ends) or the two sides together span $depth ties. Each side only walks out to
// about half the chain, so the work is two small neighbourhoods, not every chain up to $depth
// (algo.SPpaths, a depth-first search, did not answer in 10 s on 100k actors). The chains are then
// rebuilt from the actors met, one layer back at a time towards each end, keeping a step only to an
// actor of the layer before: each new actor keeps the ties that reached it from the layer before
// (as [actor, tie]), so rebuilding reads no ties; chains are bundled by the actor they end at, and a
// bundle keeps at most 100 (any one bundle's chains each extend to a different shortest chain, so
// when there are at most 100 shortest chains, all are returned). Once the sides meet (or cannot), the
// layers no longer needed are dropped, as every later step copies what it carries.
// The tie types are written out in the patterns (the nine the ontology defines; a test checks the
// list): an untyped step also walks every MENTIONS edge of the evidence, ten times the ties.
// Sets are never tested with IN on long lists (linear per test): a layer, the other side's frontier
// and the new neighbours are unwound together with a tag and grouped by actor.
// The step's state rides along as one tagged row, as carrying lists on every row copies them.
// The steps are rendered by connection_paths_text.py beside this file: edit them there and run
// python -m innograph.queries.connection_paths_text.
MATCH (s:Actor)
WHERE s.name = $source OR $source IN s.aliases
MATCH (t:Actor)
WHERE (t.name = $target OR $target IN t.aliases) AND s <> t
WITH s, t, [[s]] AS f, [[t]] AS b, [[]] AS pf, [[]] AS pb, [] AS meet
// search step 1
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
// search step 2
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
// search step 3
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
// search step 4
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
// search step 5
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
// search step 6
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:COLLABORATES_WITH|CO_BUILDS|FOCUSES_ON|FUNDS|HOSTS|LEADS|PART_OF|RUNS|SELECTED_BY]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
     ELSE [[z, null]] END AS ys
UNWIND ys AS e
WITH e[0] AS y, tag, e[1] AS pred, state
WITH y, collect(tag) AS tags, collect(pred) AS preds, head(collect(state)) AS state
WITH collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN y END) AS layer,
     collect(CASE WHEN 2 IN tags AND NOT 0 IN tags THEN [y, preds] END) AS entries,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN y END) AS met,
     collect(CASE WHEN 2 IN tags AND 1 IN tags THEN [y, preds] END) AS met_entries, head(collect(state)) AS state
WITH state, layer, met, CASE WHEN size(met) > 0 THEN met_entries ELSE entries END AS entries,
     state[7] AND state[8] AS fgrew, state[7] AND NOT state[8] AS bgrew
WITH state[0] AS s, state[1] AS t, CASE WHEN state[7] THEN met ELSE state[6] END AS meet,
     CASE WHEN size(met) > 0 THEN [[]] WHEN fgrew THEN state[2] + [layer] ELSE state[2] END AS f,
     CASE WHEN size(met) > 0 THEN [[]] WHEN bgrew THEN state[3] + [layer] ELSE state[3] END AS b,
     CASE WHEN fgrew THEN state[4] + [entries]
          WHEN size(met) > 0 THEN state[4][..size(state[4]) - 1] + [[e IN last(state[4]) WHERE e[0] IN met]]
          ELSE state[4] END AS pf,
     CASE WHEN bgrew THEN state[5] + [entries]
          WHEN size(met) > 0 THEN state[5][..size(state[5]) - 1] + [[e IN last(state[5]) WHERE e[0] IN met]]
          ELSE state[5] END AS pb
WITH s, t, meet, f, b, pf, pb,
     size(meet) = 0 AND (size(f) + size(b) - 2 >= $depth OR size(last(f)) = 0 OR size(last(b)) = 0) AS lost
WITH s, t, meet, CASE WHEN lost THEN [[]] ELSE f END AS f, CASE WHEN lost THEN [[]] ELSE b END AS b,
     CASE WHEN lost THEN [[]] ELSE pf END AS pf, CASE WHEN lost THEN [[]] ELSE pb END AS pb
WITH pf, pb, meet WHERE size(meet) > 0
WITH pf, pb, [m IN meet | [m, [[m]]]] AS fb, [m IN meet | [m, [[m]]]] AS bb, size(pf) - 1 AS fi, size(pb) - 1 AS bi
// chain step 1
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
// chain step 2
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
// chain step 3
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
// chain step 4
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
// chain step 5
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
// chain step 6
WITH pf, pb, fb, bb, fi, bi, fi > 0 AS front, fi > 0 OR bi > 0 AS go
UNWIND [[null, 3, [pf, pb, fb, bb, fi, bi, front, go]]]
       + CASE WHEN NOT go THEN [] WHEN front THEN [u IN fb | [u[0], 2, u[1]]] + [e IN pf[fi] | [e[0], 0, e[1]]]
              ELSE [u IN bb | [u[0], 4, u[1]]] + [e IN pb[bi] | [e[0], 0, e[1]]] END AS g
WITH g[0] AS y, g[1] AS tag, g[2] AS payload
WITH y, collect(tag) AS tags, head(collect(CASE WHEN tag IN [2, 4] THEN payload END)) AS chains,
     head(collect(CASE WHEN tag = 0 THEN payload END)) AS preds,
     head(collect(CASE WHEN tag = 3 THEN payload END)) AS state
UNWIND CASE WHEN state IS NOT NULL THEN [[null, state]] WHEN chains IS NULL OR preds IS NULL THEN []
            WHEN 2 IN tags THEN [p IN preds | [p[0], [c IN chains | [p[0], p[1]] + c]]]
            ELSE [p IN preds | [p[0], [c IN chains | c + [p[1], p[0]]]]] END AS e
WITH e[0] AS x, e[1] AS payload
WITH x, collect(CASE WHEN x IS NOT NULL THEN payload END) AS css,
     head(collect(CASE WHEN x IS NULL THEN payload END)) AS state
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..100]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
WITH reduce(a = [], u IN fb | a + u[1]) AS fronts, reduce(a = [], u IN bb | a + u[1]) AS backs
UNWIND [c IN fronts | [last(c), 0, c]] + [c IN backs | [head(c), 1, c]] AS g
WITH g[0] AS m, collect(CASE WHEN g[1] = 0 THEN g[2] END) AS fcs, collect(CASE WHEN g[1] = 1 THEN g[2] END) AS bcs
UNWIND fcs AS fc
UNWIND bcs AS bc
WITH fc + bc[1..] AS c
WITH [i IN range(0, size(c) - 1, 2) | c[i]] AS ns, [i IN range(1, size(c) - 1, 2) | c[i]] AS rs
WITH ns, rs, [r IN rs | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS statements
RETURN size(rs) AS hops, [n IN ns | n.name] AS actors, [n IN ns | n.type] AS types, [r IN rs | type(r)] AS ties,
       statements
ORDER BY hops, statements
LIMIT 100
