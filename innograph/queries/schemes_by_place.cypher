// name: schemes_by_place
// title_en: Talent programmes and programmes each place runs
// title_zh: 各地运营的人才计划与项目计划及入选者
// description: The talent programmes and programmes an actor runs (a park, a region or its agencies), and who was selected by each.
// param: runner | str | "" | 苏州工业园区 | Only schemes run by this actor or by actors that are part of it; empty for all
// param: types | list[str] actor_type | "TalentProgramme,Programme" | TalentProgramme | Scheme types to list
// simplify: runner
// The selected of a scheme are listed once per scheme, then joined to its runners: listing them per
// (runner, scheme) row sorted a scheme's selected once per runner (100k actors: 2 million rows
// sorted, > 10 s, against 25 thousand now). The runners are found twice (first to know which
// schemes to list, then to join them), as carrying the runners along every selected row copies them.
MATCH (o:Actor)-[:RUNS]->(s:Actor)
WHERE s.type IN $types
WITH o, s, [(o)-[:PART_OF*1..2]->(up:Actor) | up.name] AS above
WHERE $runner = '' OR o.name = $runner OR $runner IN o.aliases OR $runner IN above
WITH DISTINCT s
OPTIONAL MATCH (w:Actor)-[:SELECTED_BY]->(s)
WITH s, w ORDER BY w.name
WITH s, collect(w.name) AS selected
MATCH (o:Actor)-[:RUNS]->(s)
WITH o, s, selected, [(o)-[:PART_OF*1..2]->(up:Actor) | up.name] AS above
WHERE $runner = '' OR o.name = $runner OR $runner IN o.aliases OR $runner IN above
RETURN o.name AS runner, o.type AS runner_type, s.name AS scheme, s.type AS scheme_type, selected
ORDER BY runner, scheme
