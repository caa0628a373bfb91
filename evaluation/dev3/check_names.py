"""Check that every gold actor name and alias of dev3 (or the splits named as arguments) occurs in its document
(in the document's own script or its Simplified form, after dropping pinyin readings such
as 渚（zhǔ） and quotation marks), that every tie's evidence is a verbatim span, and that
every tie names annotated actors.  Run: .venv/bin/python evaluation/dev3/check_names.py [split ...]"""
import json, pathlib, re, sys
from opencc import OpenCC

t2s = OpenCC('t2s')
PIN = re.compile(r'[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]')
def norm(s): return re.sub(r'[\s"“”‘’「」『』《》()（）\'\[\]【】]', '', t2s.convert(s))

bad = 0
root = pathlib.Path(__file__).resolve().parent.parent
for split in (sys.argv[1:] or ['dev3']):
    for g in sorted((root / split / 'gold').glob('*.json')):
        gold = json.loads(g.read_text(encoding='utf-8'))
        text = (root / split / 'docs' / gold['document']).read_text(encoding='utf-8')
        clean = PIN.sub('', text)
        hay = [text, clean, t2s.convert(clean), norm(clean)]
        names = {e['name'] for e in gold['entities']}
        for e in gold['entities']:
            for n in [e['name'], *e['aliases']]:
                if not any(n in h or norm(n) in h for h in hay):
                    print(f'{split}/{g.name}: not in document: {n}'); bad += 1
        for r in gold['relations']:
            if r['evidence'] not in text:
                print(f'{split}/{g.name}: evidence not verbatim: {r["evidence"]}'); bad += 1
            for x in (r['subject'], r['object']):
                if x not in names:
                    print(f'{split}/{g.name}: tie names unknown actor: {x}'); bad += 1
print('ok' if not bad else f'{bad} problems'); sys.exit(1 if bad else 0)
