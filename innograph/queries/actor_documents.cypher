// name: actor_documents
// title_en: Documents that mention an actor
// title_zh: 提及该主体的文档
// description: Every document that names an actor, with the sentence, the form used and its offsets.
// param: actor | str | required | 苏州实验室 | Name or alias of the actor, Simplified or Traditional
// simplify: actor
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (e:Evidence)-[:MENTIONS]->(a)
MATCH (e)-[:IN_DOCUMENT]->(d:Document)
RETURN a.name AS actor, d.path AS document, d.title AS title, d.date AS date, e.surface AS surface,
       e.sentence AS sentence, e.start AS `start`, e.end AS `end`
ORDER BY document, `start`
