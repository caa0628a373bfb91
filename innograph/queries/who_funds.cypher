// name: who_funds
// title_en: Who funds an actor
// title_zh: 谁投资了该主体
// description: The funders of an actor, with the money amounts (in 元, 美元 ...) stated in the sentences that state the funding.
// param: actor | str | required | 多玛医药 | Name or alias of the funded actor, Simplified or Traditional
// simplify: actor
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH (f:Actor)-[r:FUNDS]->(a)
OPTIONAL MATCH (e:Evidence) WHERE e.target = r.id
OPTIONAL MATCH (q:Quantity)-[:DESCRIBES]->(x:Actor)
WHERE (x = a OR x = f) AND q.doc_id = e.doc_id AND q.sentence = e.sentence AND q.unit ENDS WITH '元'
WITH a, f, count(DISTINCT e) AS statements, collect(DISTINCT q.text) AS amounts
RETURN f.name AS funder, f.type AS funder_type, a.name AS funded, a.type AS funded_type, amounts, statements
ORDER BY statements DESC, funder
