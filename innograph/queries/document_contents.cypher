// name: document_contents
// title_en: What one document added
// title_zh: 单个文档贡献的主体与关系
// description: The actors a document names and the ties it states, each with how many times; the document is given by its id, its path, or the end of its path.
// param: document | str | required | 000_dce26737975903df.txt | Document id (sha256), path, or file name
// A document given by id or path is found through their indexes; only a bare file name (no
// leading '/') needs the scan of every path with ENDS WITH, and the UNWIND of an empty list skips
// that scan otherwise. Each document is found by one of the two ways, so no row is counted twice.
MATCH (d:Document)
WHERE d.id = $document OR d.path = $document
WITH d
MATCH (e:Evidence {kind: 'mention'})-[:IN_DOCUMENT]->(d)
MATCH (e)-[:MENTIONS]->(a:Actor)
RETURN d.path AS document, 'actor' AS kind, a.name AS subject, a.type AS subject_type, '' AS tie, '' AS object,
       '' AS object_type, count(e) AS statements

UNION ALL
MATCH (d:Document)
WHERE d.id = $document OR d.path = $document
WITH d
MATCH (e:Evidence {kind: 'tie'})-[:IN_DOCUMENT]->(d)
WITH d, e, split(e.target, '|') AS parts
MATCH (s:Actor {id: parts[0]}), (o:Actor {id: parts[2]})
MATCH (s)-[r]-(o)
WHERE r.id = e.target AND type(r) = parts[1]
RETURN d.path AS document, 'tie' AS kind, s.name AS subject, s.type AS subject_type, type(r) AS tie, o.name AS object,
       o.type AS object_type, count(DISTINCT e) AS statements

UNION ALL
UNWIND CASE WHEN $document STARTS WITH '/' THEN [] ELSE [1] END AS by_file_name
MATCH (d:Document)
WHERE d.path ENDS WITH ('/' + $document) AND d.id <> $document AND d.path <> $document
WITH d
MATCH (e:Evidence {kind: 'mention'})-[:IN_DOCUMENT]->(d)
MATCH (e)-[:MENTIONS]->(a:Actor)
RETURN d.path AS document, 'actor' AS kind, a.name AS subject, a.type AS subject_type, '' AS tie, '' AS object,
       '' AS object_type, count(e) AS statements

UNION ALL
UNWIND CASE WHEN $document STARTS WITH '/' THEN [] ELSE [1] END AS by_file_name
MATCH (d:Document)
WHERE d.path ENDS WITH ('/' + $document) AND d.id <> $document AND d.path <> $document
WITH d
MATCH (e:Evidence {kind: 'tie'})-[:IN_DOCUMENT]->(d)
WITH d, e, split(e.target, '|') AS parts
MATCH (s:Actor {id: parts[0]}), (o:Actor {id: parts[2]})
MATCH (s)-[r]-(o)
WHERE r.id = e.target AND type(r) = parts[1]
RETURN d.path AS document, 'tie' AS kind, s.name AS subject, s.type AS subject_type, type(r) AS tie, o.name AS object,
       o.type AS object_type, count(DISTINCT e) AS statements
