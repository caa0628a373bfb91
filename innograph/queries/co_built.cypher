// name: co_built
// title_en: What an actor co-built, and with whom
// title_zh: 主体共建了什么、与谁共建
// description: Each thing an actor co-builds, with the other builders of it.
// param: actor | str | required | 南京工业大学 | Name or alias of a builder, Simplified or Traditional
// simplify: actor
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (a)-[:CO_BUILDS]->(x:Actor)
OPTIONAL MATCH (x)<-[:CO_BUILDS]-(o:Actor)
WHERE o <> a
WITH a, x, o ORDER BY o.name
RETURN a.name AS builder, x.name AS built, x.type AS built_type, collect(o.name) AS partners, collect(o.type) AS partner_types
ORDER BY built
