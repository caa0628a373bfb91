"""Writes ``connection_paths.cypher``: its search and chain steps are one block each, repeated.

Cypher has no loop, so the bidirectional breadth-first search of that query is written out
once per step (six search steps for depth up to 6, six chain-rebuilding steps). The blocks
live here, once; the file keeps its own header (name, titles, parameters, comments, the
opening MATCH) and its body is rendered from the blocks. ``tests/queries`` checks the file
is what this renders, so an edit goes here and is written with::

    python -m innograph.queries.connection_paths_text
"""

from __future__ import annotations

from pathlib import Path

from innograph.ontology import load_ontology

QUERY_FILE = Path(__file__).with_name("connection_paths.cypher")
STEPS = 6  # the depth parameter's upper bound: a side never needs more steps than that
CAP = 100  # shortest chains returned at most (the query's description says so)
BODY_MARK = "// search step 1\n"

SEARCH = """// search step {n}
WITH s, t, f, b, pf, pb, meet, size(meet) = 0 AND size(f) + size(b) - 2 < $depth AND size(last(f)) > 0
     AND size(last(b)) > 0 AS go, size(last(f)) <= size(last(b)) AS fwd
WITH s, t, f, b, pf, pb, meet, go, fwd, CASE WHEN fwd THEN f ELSE b END AS near,
     CASE WHEN fwd THEN last(b) ELSE last(f) END AS far
UNWIND [[null, 3, [s, t, f, b, pf, pb, meet, go, fwd]]] + CASE WHEN go THEN [x IN last(near) | [x, 2]]
       + [x IN last(near) | [x, 0]] + [x IN CASE WHEN size(near) > 1 THEN near[size(near) - 2] ELSE [] END | [x, 0]]
       + [x IN far | [x, 1]] ELSE [] END AS g
WITH CASE WHEN g[1] = 2 THEN g[0] END AS x, g[0] AS z, g[1] AS tag, CASE WHEN g[1] = 3 THEN g[2] END AS state
WITH tag, state, CASE WHEN tag = 2 THEN [(x)-[r:{ties}]-(y) WHERE type(r) IN $ties | [y, [x, r]]]
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
"""
MIDDLE = """WITH pf, pb, meet WHERE size(meet) > 0
WITH pf, pb, [m IN meet | [m, [[m]]]] AS fb, [m IN meet | [m, [[m]]]] AS bb, size(pf) - 1 AS fi, size(pb) - 1 AS bi
"""
CHAIN = """// chain step {n}
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
WITH collect(CASE WHEN x IS NOT NULL THEN [x, reduce(a = [], cs IN css | a + cs)[..{cap}]] END) AS bundles,
     head(collect(state)) AS state
WITH state[0] AS pf, state[1] AS pb,
     CASE WHEN state[7] AND state[6] THEN bundles ELSE state[2] END AS fb,
     CASE WHEN state[7] AND NOT state[6] THEN bundles ELSE state[3] END AS bb,
     CASE WHEN state[6] THEN state[4] - 1 ELSE state[4] END AS fi,
     CASE WHEN state[7] AND NOT state[6] THEN state[5] - 1 ELSE state[5] END AS bi
"""
TAIL = """WITH reduce(a = [], u IN fb | a + u[1]) AS fronts, reduce(a = [], u IN bb | a + u[1]) AS backs
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
LIMIT {cap}
"""


def render(header: str) -> str:
    """The whole query text: ``header`` (everything before the first step) and the generated steps."""
    ties = "|".join(sorted(load_ontology().tie_types))
    parts = [header]
    parts += [SEARCH.format(n=n, ties=ties) for n in range(1, STEPS + 1)]
    parts.append(MIDDLE)
    parts += [CHAIN.format(n=n, cap=CAP) for n in range(1, STEPS + 1)]
    parts.append(TAIL.format(cap=CAP))
    return "".join(parts)


def current_header() -> str:
    text = QUERY_FILE.read_text(encoding="utf-8")
    return text[: text.index(BODY_MARK)]


if __name__ == "__main__":
    QUERY_FILE.write_text(render(current_header()), encoding="utf-8")
