// name: schemes_by_place
// title_en: Talent programmes and programmes each place runs
// title_zh: 各地运营的人才计划与项目计划及入选者
// description: The talent programmes and programmes an actor runs (a park, a region or its agencies), and who was selected by each.
// param: runner | str | "" | 苏州工业园区 | Only schemes run by this actor or by actors that are part of it; empty for all
// param: types | list[str] actor_type | "TalentProgramme,Programme" | TalentProgramme | Scheme types to list
// simplify: runner
MATCH (o:Actor)-[:RUNS]->(s:Actor)
WHERE s.type IN $types
OPTIONAL MATCH (o)-[:PART_OF*1..2]->(up:Actor)
WITH o, s, collect(up.name) AS above
WHERE $runner = '' OR o.name = $runner OR $runner IN o.aliases OR $runner IN above
OPTIONAL MATCH (w:Actor)-[:SELECTED_BY]->(s)
WITH o, s, w ORDER BY w.name
RETURN o.name AS runner, o.type AS runner_type, s.name AS scheme, s.type AS scheme_type,
       collect(w.name) AS selected
ORDER BY runner, scheme
