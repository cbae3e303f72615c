"""Every source in the data folder, the letter or any later one: its text is kept, and each quote is its words.

docs/model.md promises that a quote is copied letter for letter from its source, kept in data/sources/. This is
checked for every file of data/, whichever source it comes from, so a new source's file is held to it as well.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .conftest import DATA, ROOT


def text_file(name: str):
    """Where a source's text is: relative to the data folder ("sources/x.txt"), else to the repository."""
    return DATA / name if (DATA / name).is_file() else ROOT / name


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_source_document_keeps_its_text(seed):
    r = seed.query("SELECT ?doc ?file WHERE { ?doc a prov:Entity ; dct:source ?file }")
    assert r.rows, "no source document names its text (dct:source)"
    missing = [(str(doc), str(file)) for doc, file in r.rows if not text_file(str(file)).is_file()]
    assert missing == []


def test_every_quote_is_in_the_text_of_its_own_source(seed):
    rows = seed.query("""SELECT ?s ?q ?file WHERE { ?s rg:quote|rg:rationale|rg:request ?q ;
                         prov:hadPrimarySource/dct:source ?file }""").rows
    texts = {str(f): flat(text_file(str(f)).read_text(encoding="utf-8")) for f in {row[2] for row in rows}}
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, q, file in rows:
        sources[(str(s), flat(str(q)))].add(str(file))
    assert len(sources) > 100
    not_found = [(s, q) for (s, q), files in sources.items() if not any(q in texts[f] for f in files)]
    assert not_found == []


def test_every_quoted_resource_names_a_source_with_a_text(seed):
    r = seed.query("""SELECT DISTINCT ?s WHERE { ?s rg:quote ?q
                      FILTER NOT EXISTS { ?s prov:hadPrimarySource/dct:source ?file } }""")
    assert r.rows == []
