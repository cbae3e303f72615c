"""A draft import sheet made of a document's mentions, for a person to review before ``relgraph import``.

This module owns the draft: ``sources.csv`` (the document, its language guessed), ``entities.csv`` (one row per
new name, its kind guessed from its words, the sentence as the quote), ``relations.csv`` (one row per two
entities named in one sentence, the type and role left blank for the reviewer to choose) and the document's text
as an excerpt file to put in the data folder's ``sources/``. Nothing in it is taken as true until a person has
filled it in and imported it.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from ..fileio import write_texts
from ..namespaces import compact
from ..sheets.read import COLUMNS
from ..sheets.vocab import slug
from . import Mention
from .text import is_cjk, language

_KIND_WORDS = (("museum", "museum"), ("universit", "university"), ("hogeschool", "university"),
               ("provinci", "government"), ("gemeente", "government"), ("ministe", "government"),
               ("staten", "government"), ("government", "government"), ("b.v.", "company"), ("n.v.", "company"),
               ("ltd", "company"), ("gmbh", "company"), ("company", "company"), ("大学", "university"),
               ("政府", "government"), ("公司", "company"), ("博物馆", "museum"))


def draft(found: list[Mention], text: str, document: str | os.PathLike[str]) -> dict[str, str]:
    """The draft sheet's files (name → text): the three tables and ``<source id>.txt``, the excerpt."""
    doc = Path(document)
    sid = slug(doc.stem) or "document"
    lang = language(text)
    excerpt = f"sources/{sid}.txt"
    sources = [{"id": sid, "title": doc.stem, "language": lang, "excerpt": excerpt}]
    entities, relations = [], []
    seen: set[str] = set()
    for m in found:
        if m.match == "new" and m.text.lower() not in seen:
            seen.add(m.text.lower())
            row = {"kind": _kind(m), "source": sid, "quote": m.sentence}
            if is_cjk(m.text):
                row["label_zh"] = m.text
            else:  # a Latin-script proper name reads the same in English and Dutch
                row.update(label_en=m.text, label_nl=m.text)
            entities.append(row)
    for sentence, names in _by_sentence(found):
        for a, b in zip(names, names[1:]):
            relations.append({"from": a, "to": b, "source": sid, "quote": sentence})
    header = f"# title: {doc.stem}\n# document: {doc.name}\n# language: {lang}\n\n"
    return {"sources.csv": _csv("sources", sources), "entities.csv": _csv("entities", entities),
            "relations.csv": _csv("relations", relations), f"{sid}.txt": header + text.strip() + "\n"}


def write_draft(found: list[Mention], text: str, document: str | os.PathLike[str],
                folder: str | os.PathLike[str]) -> list[Path]:
    """Write the draft sheet of :func:`draft` into ``folder`` (atomically, all files at once); the paths."""
    files = draft(found, text, document)
    return write_texts([(Path(folder) / name, body) for name, body in files.items()])


def _kind(m: Mention) -> str:
    if m.kind == "place":
        return "place"
    low = m.text.lower()
    return next((kind for word, kind in _KIND_WORDS if word in low), "organisation")


def _by_sentence(found: list[Mention]) -> list[tuple[str, list[str]]]:
    """Each sentence with two or more entities, and the names (compact IRI when known) in text order."""
    out: list[tuple[str, list[str]]] = []
    for m in found:
        if m.match in ("exact", "near") and m.entity:
            name = compact(m.entity)
        elif m.match == "new":
            name = m.text
        else:
            continue
        if not out or out[-1][0] != m.sentence:
            out.append((m.sentence, []))
        if name not in out[-1][1]:
            out[-1][1].append(name)
    return [(s, names) for s, names in out if len(names) > 1]


def _csv(table: str, rows: list[dict[str, str]]) -> str:
    required, _ = COLUMNS[table]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(required)
    for row in rows:
        w.writerow([row.get(c, "") for c in required])
    return buf.getvalue()
