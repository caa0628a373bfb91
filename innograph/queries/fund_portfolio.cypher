// name: fund_portfolio
// title_en: What a fund or investor funds
// title_zh: 基金或投资方投资了谁
// description: The actors a fund, investor or any other funder funds, with the money amounts (in 元, 美元 ...) stated in the sentences that state the funding.
// param: funder | str | required | 人才一号母基金 | Name or alias of the funder, Simplified or Traditional
// simplify: funder
MATCH (f:Actor)
WHERE f.name = $funder OR $funder IN f.aliases
MATCH (f)-[r:FUNDS]->(a:Actor)
OPTIONAL MATCH (e:Evidence) WHERE e.target = r.id
OPTIONAL MATCH (q:Quantity)-[:DESCRIBES]->(x:Actor)
WHERE (x = a OR x = f) AND q.doc_id = e.doc_id AND q.sentence = e.sentence AND q.unit ENDS WITH '元'
WITH a, f, count(DISTINCT e) AS statements, collect(DISTINCT q.text) AS amounts
RETURN f.name AS funder, f.type AS funder_type, a.name AS funded, a.type AS funded_type, amounts, statements
ORDER BY statements DESC, funded
