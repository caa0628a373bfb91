// name: tie_evidence
// title_en: Evidence for a tie
// title_zh: 关系的出处
// description: Every document, sentence and character offset that states that one actor has a tie to another.
// param: subject | str | required | 苏州工业园区 | Name or alias of the subject, Simplified or Traditional
// param: tie | str tie_type | required | HOSTS | Tie type
// param: object | str | required | 苏州实验室 | Name or alias of the object, Simplified or Traditional
// simplify: subject, object
// COLLABORATES_WITH is stored once in either order, so it is matched undirected.
// The tie is found first and passed on with WITH, so the evidence is looked up by the indexed
// Evidence.target instead of being joined against every document's evidence.
MATCH (a:Actor)
WHERE a.name = $subject OR $subject IN a.aliases
MATCH (b:Actor)
WHERE b.name = $object OR $object IN b.aliases
MATCH (a)-[r]-(b)
WHERE type(r) = $tie AND (type(r) = 'COLLABORATES_WITH' OR startNode(r) = a)
WITH a, b, r
MATCH (e:Evidence)
WHERE e.target = r.id
MATCH (e)-[:IN_DOCUMENT]->(d:Document)
RETURN a.name AS subject, type(r) AS tie, b.name AS object, d.path AS document, d.title AS title,
       e.sentence AS sentence, e.start AS `start`, e.end AS `end`, e.rule AS rule, e.confidence AS confidence
ORDER BY document, `start`
