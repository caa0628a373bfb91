// name: co_built_labs
// title_en: Labs and innovation centres co-built with universities or enterprises
// title_zh: 与高校或企业共建的实验室与创新中心
// description: Things of the chosen types that were co-built, where at least one builder is of the builder types chosen, with all their builders.
// param: built | list[str] actor_type | "Lab" | Lab,Platform | Types of the things built
// param: builders | list[str] actor_type | "University,Enterprise" | University | At least one builder must be of these types
MATCH (b:Actor)-[:CO_BUILDS]->(x:Actor)
WHERE x.type IN $built
WITH x, b ORDER BY b.name
WITH x, collect(b) AS all_builders
WHERE any(b IN all_builders WHERE b.type IN $builders)
RETURN x.name AS built, x.type AS built_type, [b IN all_builders | b.name] AS builders,
       [b IN all_builders | b.type] AS builder_types
ORDER BY built
