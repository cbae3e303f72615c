"""relgraph mentions: known entities found by any label with their sentence, near matches marked, new names
proposed; and the whole round trip: a new document → mentions → a reviewed sheet → import → query and view."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.mentions import Gazetteer, mentions, read_document

from .conftest import DATA

UG = "https://w3id.org/relgraph/utrecht-guangdong/"

DOCUMENT = ("Op 3 april 2024 bezocht een delegatie van DOFTEC het Rijksmuseum Boerhaave in Leiden. "
            "De Provinciale Staten van Utrecht werden daarover geïnformeerd. "
            "Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC.\n")


@pytest.fixture(scope="module")
def seed():
    return relgraph.open(DATA)


def test_known_entities_are_found_with_their_sentence(seed):
    found = seed.mentions(DOCUMENT)
    exact = [(m.entity, m.text, m.sentence) for m in found if m.match == "exact"]
    assert exact == [
        (UG + "doftec", "DOFTEC", "Op 3 april 2024 bezocht een delegatie van DOFTEC het Rijksmuseum Boerhaave in Leiden."),
        (UG + "provinciale-staten", "Provinciale Staten van Utrecht",
         "De Provinciale Staten van Utrecht werden daarover geïnformeerd."),
        (UG + "doftec", "DOFTEC", "Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC."),
    ]
    new = [(m.text, m.kind) for m in found if m.match == "new"]
    assert new == [("Rijksmuseum Boerhaave", "organisation"), ("Leiden", "place"),
                   ("Rijksmuseum Boerhaave", "organisation")]


def test_latin_names_match_whole_words_and_acronyms_only_as_written():
    gz = Gazetteer([("ex:d", "DOFTEC"), ("ex:u", "Utrecht")])
    assert [m.name for m in gz.find("DOFTECX, doftec, utrechtse, UTRECHT en Utrecht.")] == ["Utrecht", "Utrecht"]


def test_chinese_names_match_without_word_boundaries(seed):
    found = mentions(seed, "代表团访问了广东省。")
    assert [(m.entity, m.text, m.sentence) for m in found] == [(UG + "guangdong", "广东省", "代表团访问了广东省。")]


def test_a_near_match_is_marked_with_its_score(seed):
    (m,) = [m for m in seed.mentions("Ook de Provincie Utrect was erbij.") if m.match == "near"]
    assert (m.entity, m.text, m.score) == (UG + "provincie-utrecht", "Provincie Utrect", 97.0)
    assert [m.match for m in seed.mentions("Ook de Provincie Utrect was erbij.", near=False)] == ["new"]


def test_html_and_docx_are_read_as_text(tmp_path):
    (tmp_path / "page.html").write_text("<html><script>DOFTEC()</script><p>Bezoek van <b>DOFTEC</b> &amp; "
                                        "anderen.</p></html>", encoding="utf-8")
    assert read_document(tmp_path / "page.html") == "Bezoek van DOFTEC & anderen."
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>Eerste </w:t></w:r><w:r><w:t>alinea.</w:t></w:r></w:p><w:p><w:r><w:t>Tweede.</w:t>'
           '</w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(tmp_path / "letter.docx", "w") as z:
        z.writestr("word/document.xml", xml)
    assert read_document(tmp_path / "letter.docx") == "Eerste alinea.\n\nTweede."


def test_a_document_of_another_kind_or_encoding_is_one_line(tmp_path):
    (tmp_path / "x.txt").write_bytes("Caf\xe9".encode("latin-1"))
    result = CliRunner().invoke(cli, ["--data", str(DATA), "mentions", str(tmp_path / "x.txt")])
    assert result.output == f"Error: {tmp_path / 'x.txt'}:1: not UTF-8 text: save the document as UTF-8\n"
    assert result.exit_code == 2


def test_the_round_trip_from_a_new_document_to_query_and_view(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (tmp_path / "visit.txt").write_text(DOCUMENT, encoding="utf-8")
    runner = CliRunner()
    listed = runner.invoke(cli, ["--data", str(data), "mentions", str(tmp_path / "visit.txt"), "-f", "tsv"])
    assert listed.exit_code == 0, listed.output
    assert listed.output.splitlines()[2].split("\t")[:4] == ["new", "", "Rijksmuseum Boerhaave",
                                                             "Rijksmuseum Boerhaave"]
    draft = tmp_path / "draft"
    made = runner.invoke(cli, ["--data", str(data), "mentions", str(tmp_path / "visit.txt"), "-f", "sheet",
                               "-o", str(draft)])
    assert made.exit_code == 0, made.output
    assert sorted(p.name for p in draft.iterdir()) == ["entities.csv", "relations.csv", "sources.csv", "visit.txt"]
    # the reviewer: keeps the museum, drops the place, chooses the relation's type and role, files the excerpt
    shutil.copy(draft / "visit.txt", data / "sources" / "visit.txt")
    entities = list(csv.DictReader(io.StringIO((draft / "entities.csv").read_text(encoding="utf-8"))))
    assert [e["label_nl"] for e in entities] == ["Rijksmuseum Boerhaave", "Leiden"]
    _write(draft / "entities.csv", [dict(entities[0], kind="museum")])
    relations = list(csv.DictReader(io.StringIO((draft / "relations.csv").read_text(encoding="utf-8"))))
    assert [(r["from"], r["to"]) for r in relations] == [("ug:doftec", "Rijksmuseum Boerhaave"),
                                                        ("Rijksmuseum Boerhaave", "Leiden"),
                                                        ("Rijksmuseum Boerhaave", "ug:doftec")]
    _write(draft / "relations.csv", [dict(relations[2], type="member of", role="participant", start="2023",
                                          status="active", **{"from": "ug:doftec", "to": "Rijksmuseum Boerhaave"})])
    imported = runner.invoke(cli, ["--data", str(data), "import", str(draft)])
    assert imported.exit_code == 0, imported.output
    valid = runner.invoke(cli, ["--data", str(data), "validate"])
    assert valid.exit_code == 0, valid.output
    answer = runner.invoke(cli, ["--data", str(data), "query", "relations", "-p", "entity=DOFTEC", "-f", "tsv"])
    assert ("DOFTEC\ttook part in\tRijksmuseum Boerhaave\tactive\tvisit\t"
            "Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC.") in answer.output.splitlines()
    page = tmp_path / "view.html"
    drawn = runner.invoke(cli, ["--data", str(data), "view", "--focus", "DOFTEC", "-o", str(page)])
    assert drawn.exit_code == 0, drawn.output
    assert "Rijksmuseum Boerhaave" in page.read_text(encoding="utf-8")


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    buf = io.StringIO()
    w = csv.DictWriter(buf, header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_near_matches_found_at_once_are_those_found_one_by_one():
    """near_all (rapidfuzz's cdist over a shared slice of names) gives what extractOne gives name by name:
    the same name, entities and score, the first of equal scores, and None below the score."""
    gz = Gazetteer([(f"ex:{i}", name) for i, name in enumerate(
        ["Provincie Utrecht", "Provincie Utrechs", "Provincie Utrechz", "Gemeente Utrecht", "Museum Boerhaave",
         "Rijksmuseum Boerhaave", "Provinciale Staten", "Guangdong", "广东省人民政府", "DOFTEC"])])
    asked = ["Provincie Utrect", "Provincie Utrechx", "Museum Boerhave", "Provinciale Staaten", "Guangdon",
             "广东省人民政", "DOFTEX", "Stichting Nergens", "x", "Rijksmuseum Boerhaven"]
    one = {name: gz._closest(" ".join(name.split()).lower()) for name in asked}
    gz.near_all(asked)
    assert {name: gz.near(name) for name in asked} == one
    assert one["Provincie Utrechx"] == ("Provincie Utrecht", ("ex:0",), 94.1)  # first of three equal scores
    assert one["Stichting Nergens"] is None and sum(v is not None for v in one.values()) >= 5


def test_best_scores_read_without_numpy_are_numpys():
    """_best reads rapidfuzz's score matrix without numpy: the same index (the first of the highest) and score as
    numpy's argmax over the matrix rapidfuzz's public cdist gives, rows of all 0 included."""
    import random

    import numpy as np
    from rapidfuzz import fuzz, process

    from relgraph.mentions.gazetteer import NEAR_SCORE, _best

    rng = random.Random(5)
    choices = sorted({"".join(rng.choice("abcde ") for _ in range(rng.randrange(5, 12))) for _ in range(400)})
    choices += choices[:3]  # equal names: the first is the best
    queries = [c[:-1] + "x" for c in choices[::7]] + choices[:5] + ["zzzzzzz", "q"]
    scores = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE, dtype=np.float64)
    expected = [(int(np.argmax(row)), float(row[int(np.argmax(row))])) for row in scores]
    assert _best(queries, choices) == expected
    assert any(s == 0 for _, s in expected) and any(s >= NEAR_SCORE for _, s in expected)


def test_find_keeps_the_longest_leftmost_as_a_stable_sort_of_every_hit_would():
    """find sorts plain tuples and makes a Match only for the names kept: the same matches as every hit made a
    Match, sorted stably by (start, -length) and taken left to right, where names overlap, nest or share a span
    (a name in capitals and the same name in lower case, found by the two automatons)."""
    from relgraph.mentions.gazetteer import Match, _whole_word

    gz = Gazetteer([("ex:a", "Provincie Utrecht"), ("ex:b", "Utrecht"), ("ex:c", "NOS"), ("ex:d", "nos"),
                    ("ex:e", "Provincie"), ("ex:f", "Utrecht Guangdong"), ("ex:g", "广东"), ("ex:h", "广东省"),
                    ("ex:i", "de NOS")])
    text = ("De Provincie Utrecht Guangdong en de NOS, nos en Nos; 广东省 广东 Utrecht. Provincie Utrechtse "
            "NOSTALGIE de NOS") * 3
    hits = []
    for source, cased in ((text.lower(), False), (text, True)):
        automaton = gz._cased() if cased else gz.automaton
        for end, i in automaton.iter(source):
            start = end - len(gz._keys[i]) + 1
            if bool(gz._flags[i] & 1) == cased and (gz._flags[i] & 2 or _whole_word(text, start, end + 1)):
                hits.append(Match(start, end + 1, gz._shown[i], tuple(gz._ents[i].split("\x1f"))))
    expected, until = [], -1
    for m in sorted(hits, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= until:
            expected.append(m)
            until = m.end
    assert gz.find(text) == expected and len(expected) > 20
