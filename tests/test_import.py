"""relgraph import: a sheet staff fill in becomes one validated Turtle file per source; re-importing changes
nothing, an edited row changes that statement alone, and every bad input is one line with nothing written."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.errors import SheetError

from .conftest import DATA

EXCERPT = """# title: Bezoek van DOFTEC aan het Rijksmuseum Boerhaave
# date retrieved: 2024-05-02

Op 3 april 2024 bezocht een delegatie van DOFTEC het Rijksmuseum Boerhaave in Leiden.
De Provinciale Staten van Utrecht werden daarover geïnformeerd.
Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC.
"""

SOURCES = """id,title,publisher,url,date,language,excerpt
2024-museum-visit,Bezoek van DOFTEC aan het Rijksmuseum Boerhaave,,https://example.org/bezoek,2024-04-03,nl,sources/2024-museum-visit.txt
"""

ENTITIES = """id,kind,label_en,label_nl,label_zh,definition,identifiers,source,quote
,museum,Rijksmuseum Boerhaave,Rijksmuseum Boerhaave,,A museum of the history of science in Leiden.,wd:Q1325986,2024-museum-visit,Op 3 april 2024 bezocht een delegatie van DOFTEC het Rijksmuseum Boerhaave in Leiden.
"""

RELATIONS = """from,type,to,role,start,end,status,source,quote
DOFTEC,member of,Rijksmuseum Boerhaave,participant,2023,,active,2024-museum-visit,Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC.
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A copy of data/ with the new source's excerpt, and a good sheet beside it."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "sources" / "2024-museum-visit.txt").write_text(EXCERPT, encoding="utf-8")
    sheet = tmp_path / "sheet"
    sheet.mkdir()
    for name, text in (("sources", SOURCES), ("entities", ENTITIES), ("relations", RELATIONS)):
        (sheet / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(work: Path, *args: str):
    return CliRunner().invoke(cli, ["--data", str(work / "data"), *args])


def test_import_writes_the_source_file_and_the_relation_is_answered(work):
    result = run(work, "import", str(work / "sheet"))
    assert result.exit_code == 0, result.output
    written = work / "data" / "2024-museum-visit.ttl"
    assert written.is_file()
    assert result.output.splitlines()[0] == f"{written}: new file, 28 statements"
    answer = run(work, "query", "relations", "-p", "entity=Rijksmuseum Boerhaave", "-f", "tsv")
    assert answer.exit_code == 0, answer.output
    assert answer.output.splitlines()[1].split("\t") == [
        "DOFTEC", "took part in", "Rijksmuseum Boerhaave", "active", "Bezoek van DOFTEC aan het Rijksmuseum Boerhaave",
        "Het Rijksmuseum Boerhaave werkt sinds 2023 samen met DOFTEC."]
    report = relgraph.open(work / "data").validate()
    assert report.conforms, [str(f) for f in report.findings]


def test_reimporting_the_same_sheet_is_byte_identical_and_changes_nothing(work):
    assert run(work, "import", str(work / "sheet")).exit_code == 0
    before = snapshot(work / "data")
    again = run(work, "import", str(work / "sheet"))
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[0] == f"{work / 'data' / '2024-museum-visit.ttl'}: unchanged"
    assert snapshot(work / "data") == before


def test_one_edited_row_changes_exactly_that_statement(work):
    assert run(work, "import", str(work / "sheet")).exit_code == 0
    target = work / "data" / "2024-museum-visit.ttl"
    old = target.read_text(encoding="utf-8").splitlines()
    relations = work / "sheet" / "relations.csv"
    relations.write_text(RELATIONS.replace(",active,", ",ended,"), encoding="utf-8")
    result = run(work, "import", str(work / "sheet"))
    assert result.exit_code == 0, result.output
    new = target.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-"
               and not line.startswith(("+++", "---"))]
    assert changed == ["-    rg:status rg:Active ;", "+    rg:status rg:Ended ;"]
    assert result.output.splitlines()[1:4] == [
        "  ug:membership-doftec-rijksmuseum-boerhaave-participant (changed)",
        "    - rg:status rg:Active", "    + rg:status rg:Ended"]


def test_dry_run_says_what_would_be_added_and_writes_nothing(work):
    before = snapshot(work / "data")
    result = run(work, "import", str(work / "sheet"), "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "  ug:rijksmuseum-boerhaave (new)" in lines
    assert '    + rdfs:label "Rijksmuseum Boerhaave"@nl' in lines
    assert "    + org:member ug:doftec" in lines
    assert snapshot(work / "data") == before


def test_the_python_twin_returns_the_plan(work):
    g = relgraph.open(work / "data")
    plan = g.import_sheet(work / "sheet", dry_run=True)
    assert not plan.written
    assert [c.path.name for c in plan.changed] == ["2024-museum-visit.ttl"]
    with pytest.raises(SheetError) as e:
        (work / "sheet" / "relations.csv").write_text(RELATIONS.replace("2023,", "2023-13,"), encoding="utf-8")
        g.import_sheet(work / "sheet")
    assert str(e.value) == "relations.csv:2:start: '2023-13' is not a day of the calendar"


def test_a_workbook_imports_like_the_csv_folder(work):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, text in (("sources", SOURCES), ("entities", ENTITIES), ("relations", RELATIONS)):
        ws = book.create_sheet(name)
        import csv
        for row in csv.reader(text.splitlines()):
            ws.append(row)
    book.save(work / "sheet.xlsx")
    assert run(work, "import", str(work / "sheet")).exit_code == 0
    first = (work / "data" / "2024-museum-visit.ttl").read_bytes()
    result = run(work, "import", str(work / "sheet.xlsx"))
    assert result.exit_code == 0, result.output
    assert (work / "data" / "2024-museum-visit.ttl").read_bytes() == first


# ------------------------------------------------------------------------------------------ bad input

def _edit(table: str, old: str, new: str):
    def edit(sheet: Path) -> None:
        path = sheet / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _write(table: str, data: bytes):
    def edit(sheet: Path) -> None:
        (sheet / f"{table}.csv").write_bytes(data)
    return edit


def _duplicate_entity(sheet: Path) -> None:
    path = sheet / "entities.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")


BAD = {
    "missing header": (_edit("relations", ",quote\n", "\n"),
                       "relations.csv:1:quote: missing column quote; the header must name from, type, to, role, "
                       "start, end, status, source, quote"),
    "wrong header": (_edit("relations", "from,type", "colour,type"),
                     "relations.csv:1:1: unknown column 'colour'; the columns are from, type, to, role, start, end, "
                     "status, source, quote, id"),
    "unknown kind": (_edit("entities", ",museum,", ",musuem,"),
                     "entities.csv:2:kind: unknown kind 'musuem'; did you mean museum? Known: government, "
                     "government unit, organisation, company, university, museum, collaboration, unit, post, person, "
                     "event, place, city, region, country, contract, letter of intent, structural cooperation, "
                     "unnamed party, document"),
    "unknown relation type": (_edit("relations", ",member of,", ",membr of,"),
                              "relations.csv:2:type: unknown relation type 'membr of'; did you mean member of? Known: "
                              "member of, participates in, party to, unit of, post in, held by, governs, located in, "
                              "part of, result of, involves, signed at, stated by, decided by"),
    "quote not in excerpt": (_edit("relations", "sinds 2023 samen", "sinds 2022 samen"),
                             "relations.csv:2:quote: not found in the excerpt of source '2024-museum-visit': "
                             "'Het Rijksmuseum Boerhaave werkt sinds 2022 samen met DOFTEC.'"),
    "impossible date": (_edit("relations", ",2023,", ",31-02-2022,"),
                        "relations.csv:2:start: '31-02-2022' is not a date: write YYYY-MM-DD (2022-11-16), YYYY-MM "
                        "or YYYY"),
    "duplicate id": (_duplicate_entity,
                     "entities.csv:3:id: duplicate entity 'rijksmuseum-boerhaave' (also on row 2)"),
    "ambiguous name": (_edit("relations", "DOFTEC,member of", "Provinciale Staten,member of"),
                       "relations.csv:2:from: 'Provinciale Staten' is ambiguous: it could be VVD group in Provinciale "
                       "Staten of Utrecht (ug:vvd-provincie-utrecht), Provincial Council of Utrecht (Provinciale "
                       "Staten) (ug:provinciale-staten), Provinciale Staten end the friendship bond with Guangdong "
                       "(2022) (ug:ps-decision-end-2022), Province of Utrecht news: Provinciale Staten end the "
                       "friendship bond with China (ug:source-provincie-2022); give a fuller label, a prefixed name "
                       "or an IRI"),
    "empty sheet": (lambda s: [_write("relations", b"from,type,to,role,start,end,status,source,quote\n")(s),
                               _write("entities", b"")(s)],
                    "entities.csv:1:1: the sheet is empty: the first row must be the header id, kind, label_en, "
                    "label_nl, label_zh, definition, identifiers, source, quote"),
    "no rows": (lambda s: [_write("relations", b"from,type,to,role,start,end,status,source,quote\n")(s),
                           (s / "entities.csv").unlink()],
                "relations.csv:2:from: the sheet is empty: no relation and no entity to import"),
    "binary file": (_write("relations", b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary"),
                    "relations.csv:1:1: not a CSV text file (it holds binary data): save the sheet as CSV UTF-8"),
    "latin-1": (_write("relations", RELATIONS.replace("DOFTEC.", "DOFTEC é.").encode("latin-1")),
                "relations.csv:2:quote: not UTF-8 text (byte 0xe9; Latin-1 or Windows-1252?): save the sheet as CSV "
                "UTF-8"),
    "formula cell": (_edit("relations", ",2023,", ",=YEAR(TODAY()),"),
                     "relations.csv:2:start: a formula (=YEAR(TODAY())): type the value itself, not a formula"),
    "unknown source": (_edit("relations", ",active,2024-museum-visit,", ",active,2024-museum,"),
                       "relations.csv:2:source: no source '2024-museum' in the sources sheet"),
    "end before start": (_edit("relations", ",2023,,", ",2023,2021,"),
                         "relations.csv:2:end: ends (2021) before it starts (2023)"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_one_line_and_nothing_is_written(work, case):
    edit, message = BAD[case]
    edit(work / "sheet")
    before = snapshot(work / "data")
    result = run(work, "import", str(work / "sheet"))
    assert result.exit_code == 2
    assert result.output == f"Error: {message}\n"
    assert snapshot(work / "data") == before


def test_a_formula_cell_of_a_workbook_is_refused(work):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, text in (("sources", SOURCES), ("relations", RELATIONS)):
        ws = book.create_sheet(name)
        for row in [line.split(",") for line in text.splitlines()]:
            ws.append(row)
    book["relations"]["E2"] = "=2020+3"
    book.save(work / "book.xlsx")
    result = run(work, "import", str(work / "book.xlsx"))
    assert result.output == "Error: book.xlsx[relations]:2:start: a formula (=2020+3): type the value itself, not a formula\n"
    assert result.exit_code == 2


def test_a_file_not_written_by_import_is_never_overwritten(work):
    _edit("sources", "2024-museum-visit,Bezoek", "2022-vvd,Bezoek")(work / "sheet")
    result = run(work, "import", str(work / "sheet"))
    assert result.output == ("Error: sources.csv:2:id: 2022-vvd.ttl exists in the data folder and was not written by "
                             "relgraph import; choose another id\n")


def test_a_finding_of_validation_names_the_row(work):
    # a second English label for DOFTEC: the shapes allow one per language
    _edit("entities", "\n,museum", "\ndoftec,,DOFTEC Guangdong,,,,,2024-museum-visit,Het Rijksmuseum Boerhaave werkt "
          "sinds 2023 samen met DOFTEC.\n,museum")(work / "sheet")
    before = snapshot(work / "data")
    result = run(work, "import", str(work / "sheet"))
    assert result.exit_code == 2
    assert result.output.startswith("Error: entities.csv:2:label_en: DOFTEC: rdfs:label labels are language-tagged")
    assert snapshot(work / "data") == before


def test_the_statements_of_a_plan_are_those_of_the_file_it_writes(work):
    """The plan reads a new file's statements from the model (not by parsing the Turtle written from it): both
    give the same, for literals of every kind, escapes and IRIs under and outside the file's prefixes."""
    from relgraph.sheets import read_sheet
    from relgraph.sheets.model import build
    from relgraph.sheets.plan import _parse, statements
    from relgraph.sheets.write import turtle
    from relgraph.terms import IRI, XSD, Literal

    data = work / "data"
    model = build(relgraph.open(data), read_sheet(work / "sheet"), data)
    (f,) = model.files.values()
    f.triples |= {(f.iri, "https://example.org/p", Literal('a "quoted"\\ line\nand\ttab', lang="nl")),
                  (f.iri, "https://example.org/p", Literal("2017-11", datatype=XSD + "gYearMonth")),
                  (f.iri, "https://example.org/p", IRI("https://example.org/x/ü?z=1#w"))}
    assert statements(f.triples) == _parse(turtle(f)) and len(statements(f.triples)) == len(f.triples)


def test_a_nested_shape_of_a_new_relation_is_checked_as_validate_checks_it(work):
    """A member that is a document, not an agent: the shapes say so inside an sh:or, which pySHACL's focus mode
    (what import used before) skipped. Import refuses it with the message `relgraph validate` gives the same
    statements written into the data folder."""
    from relgraph.sheets import read_sheet
    from relgraph.sheets.model import build
    from relgraph.sheets.write import turtle

    _edit("relations", "\nDOFTEC,member of", "\nug:source-nos-2022,member of")(work / "sheet")
    before = snapshot(work / "data")
    result = run(work, "import", str(work / "sheet"))
    assert result.exit_code == 2, result.output
    message = ("a membership needs exactly one member (org:member): the IRI of an organisation, a post or an "
               "unnamed party")
    assert result.output.startswith("Error: relations.csv:2:") and message in result.output
    assert snapshot(work / "data") == before
    data = work / "data"
    for f in build(relgraph.open(data), read_sheet(work / "sheet"), data).files.values():
        (data / f.name).write_text(turtle(f), encoding="utf-8")
    findings = relgraph.open(data, store=False).validate().findings
    assert [f.path for f in findings if f.message == message] == ["org:member"]
