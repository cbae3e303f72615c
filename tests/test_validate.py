"""Validation: the letter's data conforms to data/shapes.ttl, each kind of broken record is reported as the one line a
person can act on (and nothing else is), dates compare right across precisions, bad shapes files fail cleanly, and
validation never writes to the data folder.

The records are checked against the letter's own file with the ontology and the shapes (``letter_data``), not the
whole data/ folder: what another source's file adds there is that file's to answer for, and must not turn a test
of one broken record into two findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
import relgraph.seed
from relgraph.cli import cli
from relgraph.errors import ValidationError
from relgraph.validate import Finding

from .conftest import DATA, LETTER_FILE, dataset_folder

PREFIXES = """\
@prefix ug:     <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:     <https://w3id.org/relgraph/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
"""

# what every sound record carries besides its own facts: the letter's own words, and the letter
SOURCED = 'rg:quote "Van 28 oktober tot 4 november 2017"@nl ; prov:hadPrimarySource ug:letter'


def validate_cli(data: Path, *extra: str):
    return CliRunner().invoke(cli, ["--data", str(data), "validate", *extra])


def with_extra(tmp_path: Path, turtle: str) -> Path:
    """The letter's own file, the ontology and the shapes, with one more Turtle file beside them."""
    data = tmp_path / "data"
    data.mkdir()
    dataset_folder(data, LETTER_FILE, DATA / "ontology.ttl")
    (data / "zz-broken.ttl").write_text(PREFIXES + turtle, encoding="utf-8")
    return data


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------------------------------ the seed


def test_letter_validates_clean_on_the_command_line(letter_data):
    result = validate_cli(letter_data)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "resources conform to" in result.stderr and "shapes.ttl" in result.stderr


def test_letter_report_through_the_api(letter_graph, letter_data):
    report = letter_graph.validate()
    assert report.conforms and report.findings == []
    assert report.checked > 100  # every place, organisation, post, relation, event, outcome, ... of the letter
    assert Path(report.shapes) == letter_data / "shapes.ttl"


def test_a_single_data_file_still_sees_the_ontology():
    report = relgraph.open(DATA / "utrecht-guangdong.ttl").validate()
    assert report.conforms, report


# ------------------------------------------------------------------------------------------ broken records

BROKEN = {
    "relation without quote": (
        """ug:membership-no-quote a org:Membership ;
            rdfs:label "HKU in a test delegation"@en , "HKU in een testdelegatie"@nl ;
            org:member ug:hku ; org:organization ug:delegation-2017 ;
            prov:hadPrimarySource ug:letter .""",
        ["ug:membership-no-quote", '"HKU in a test delegation"', "rg:quote",
         "needs the exact quote from its source"]),
    "end before start": (
        f"""ug:event-backwards a schema:Event ;
            rdfs:label "A backwards event"@en , "Een achterstevoren gebeurtenis"@nl ;
            schema:startDate "2017-11-04"^^xsd:date ; schema:endDate "2017-10-28"^^xsd:date ; {SOURCED} .""",
        ["ug:event-backwards", "schema:endDate", "ends before it starts (2017-11-04)",
         'got "2017-10-28"^^xsd:date']),
    "literal party": (
        f"""ug:agreement-literal-party a rg:Agreement ;
            rdfs:label "Agreement with a written-out party"@en , "Overeenkomst met een uitgeschreven partij"@nl ;
            rg:agreementKind rg:Contract ; rg:party "Guangdong" ; {SOURCED} .""",
        ["ug:agreement-literal-party", "rg:party", "must be the IRI of an organisation, a post or an rg:UnnamedParty",
         'got "Guangdong"']),
    "label missing in Dutch": (
        f"""ug:place-english-only a schema:Place ; rdfs:label "Somewhere"@en ; {SOURCED} .""",
        ["ug:place-english-only", '"Somewhere"', "rdfs:label", "needs a label in Dutch"]),
    "ill-formed date": (
        f"""ug:decision-bad-date a rg:Decision ;
            rdfs:label "Decision on a date that does not exist"@en , "Besluit op een datum die niet bestaat"@nl ;
            dct:date "2017-13-45"^^xsd:date ; {SOURCED} .""".replace("dct:date", "<http://purl.org/dc/terms/date>"),
        # reported once, where it is written (the shapes' datatype check does not repeat it)
        ["zz-broken.ttl:10:45: ", '"2017-13-45" is not a valid xsd:date']),
    "inferred without reasoning": (
        f"""ug:event-inferred-date a schema:Event ;
            rdfs:label "Meeting on an inferred day"@en , "Bijeenkomst op een afgeleide dag"@nl ;
            schema:startDate "2018-01-29"^^xsd:date ; rg:certainty rg:Inferred ; {SOURCED} .""",
        ["ug:event-inferred-date", "rg:reasoning", "an inferred value (rg:certainty rg:Inferred) needs its reasoning"]),
    "negative count": (
        f"""ug:minus-two-companies a rg:UnnamedParty ;
            rdfs:label "minus two companies"@en , "min twee bedrijven"@nl ; rg:count -2 ; {SOURCED} .""",
        ["ug:minus-two-companies", "rg:count", "must be one non-negative integer", 'got "-2"^^xsd:integer']),
    "sister relationship with one party": (
        f"""ug:sister-half a rg:SisterRelationship ;
            rdfs:label "Half a sister relationship"@en , "Een halve zusterrelatie"@nl ;
            rg:party ug:provincie-utrecht ; rg:territory ug:utrecht , ug:guangdong ;
            schema:startDate "1995"^^xsd:gYear ; {SOURCED} .""",
        ["ug:sister-half", "rg:party", "joins exactly two parties"]),
    "status outside the scheme": (
        f"""ug:outcome-odd-status a rg:Outcome ;
            rdfs:label "Outcome with a made-up status"@en , "Resultaat met een verzonnen status"@nl ;
            rg:resultOf ug:mission-2017 ; rg:status rg:Splendid ; {SOURCED} .""",
        ["ug:outcome-odd-status", "rg:status", "must be an rg:Status concept", "got rg:Splendid"]),
}


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_broken_record_is_reported_alone(tmp_path, case):
    turtle, expected = BROKEN[case]
    result = validate_cli(with_extra(tmp_path, turtle))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout  # that one problem, nothing else
    line = lines[0]
    assert line.startswith("Violation: ")
    for words in expected:
        assert words in line, line
    assert "1 problem found" in result.stderr


def test_dates_compare_across_precisions(tmp_path):
    """A coarse date stands for its whole span: only the truly backwards pairs are reported, in both directions."""
    def event(name: str, start: str, end: str) -> str:
        return (f'ug:{name} a schema:Event ; rdfs:label "{name}"@en , "{name}"@nl ; '
                f"schema:startDate {start} ; schema:endDate {end} ; {SOURCED} .\n")

    turtle = "".join([
        event("month-to-its-year", '"2017-05"^^xsd:gYearMonth', '"2017"^^xsd:gYear'),
        event("year-to-a-month-in-it", '"2017"^^xsd:gYear', '"2017-05"^^xsd:gYearMonth'),
        event("day-to-its-month", '"2017-05-10"^^xsd:date', '"2017-05"^^xsd:gYearMonth'),
        event("same-day-with-time", '"2017-05-10"^^xsd:date', '"2017-05-10T09:00:00"^^xsd:dateTime'),
        event("month-to-year-before", '"2017-05"^^xsd:gYearMonth', '"2016"^^xsd:gYear'),
        event("day-to-month-before", '"2017-05-10"^^xsd:date', '"2017-04"^^xsd:gYearMonth'),
        event("year-to-day-before", '"2017"^^xsd:gYear', '"2016-12-31"^^xsd:date'),
    ])
    report = relgraph.open(with_extra(tmp_path, turtle)).validate()
    assert not report.conforms
    assert [(f.focus.rsplit("/", 1)[1], f.path, f.value) for f in report.findings] == [
        ("day-to-month-before", "schema:endDate", '"2017-04"^^xsd:gYearMonth'),
        ("month-to-year-before", "schema:endDate", '"2016"^^xsd:gYear'),
        ("year-to-day-before", "schema:endDate", '"2016-12-31"^^xsd:date'),
    ]
    assert all("before it starts" in f.message for f in report.findings)


def test_findings_are_sorted_and_one_line_each(tmp_path):
    turtle = (f'ug:zz-place a schema:Place ; rdfs:label "Z"@en ; {SOURCED} .\n'
              'ug:aa-place a schema:Place ; rdfs:label "A"@nl ; prov:hadPrimarySource ug:letter .\n')
    report = relgraph.open(with_extra(tmp_path, turtle)).validate()
    keys = [(f.focus, f.path) for f in report.findings]
    assert keys == sorted(keys)
    assert [(f.focus.rsplit("/", 1)[1], f.path) for f in report.findings] == [
        ("aa-place", "rdfs:label"), ("aa-place", "rg:quote"), ("zz-place", "rdfs:label")]
    assert all("\n" not in str(f) for f in report.findings)


def test_finding_line_without_label_shows_the_iri_once():
    f = Finding(focus="https://w3id.org/relgraph/utrecht-guangdong/x", path="rg:quote", message="needs a quote",
                label="ug:x")
    assert str(f) == "Violation: ug:x rg:quote: needs a quote"


# ------------------------------------------------------------------------------------------ the shapes file


def test_shapes_with_a_syntax_error_name_file_line_and_column(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<x> a sh:NodeShape ;\n  sh:path foo:bar .\n",
                      encoding="utf-8")
    result = validate_cli(DATA, "--shapes", str(shapes))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {shapes}:4:11: shapes file is not valid Turtle: "
                             "The prefix foo: has not been declared\n")


def test_shapes_that_are_not_valid_shacl_are_a_clear_error(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<x> a sh:NodeShape ; sh:targetNode <y> ;\n"
                      '  sh:property [ sh:path <p> ; sh:minCount "many" ] .\n', encoding="utf-8")
    result = validate_cli(DATA, "--shapes", str(shapes))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Error: {shapes}: not valid SHACL: "
                                     "MinCountConstraintComponent sh:minCount must be a literal with datatype xsd:integer.")


def test_without_shapes_beside_the_data_the_shipped_shapes_are_used(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "shapes.ttl").unlink()
    report = relgraph.open(data).validate()
    assert report.conforms and Path(report.shapes) == relgraph.seed.file("shapes.ttl")


def test_a_shapes_file_given_that_is_missing_is_a_clear_error(tmp_path):
    with pytest.raises(ValidationError, match=r"^.*nowhere\.ttl: no SHACL shapes file here$"):
        relgraph.open(DATA).validate(tmp_path / "nowhere.ttl")


def test_validate_never_writes_to_the_data_folder(tmp_path):
    data = with_extra(tmp_path, BROKEN["literal party"][0])
    before = snapshot(data)
    assert validate_cli(data).exit_code == 1
    assert not relgraph.open(data).validate().conforms
    assert snapshot(data) == before


def test_shapes_pyshacl_cannot_apply_are_one_line(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <https://w3id.org/relgraph/utrecht-guangdong/doftec> ;\n"
        '  sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o . MINUS { $this ?a ?b } }" ] .\n',
        encoding="utf-8")
    result = validate_cli(DATA, "--shapes", str(shapes))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {shapes}: not valid SHACL: A SPARQL Constraint must not contain a MINUS clause.\n"
    assert result.stdout == ""


@pytest.mark.parametrize("where", [
    "sh:sparql [ sh:select \"SELECT $this WHERE { SERVICE <http://127.0.0.1:9/q> { $this ?p ?o } }\" ]",
    "sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this WHERE { SERVICE <http://127.0.0.1:9/q> { ?this ?p ?o } "
    "}\" ] ; sh:nodeKind sh:IRI",
])
def test_sparql_in_the_shapes_never_reaches_the_network(tmp_path, where):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                      f"<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ;\n  {where} .\n", encoding="utf-8")
    result = validate_cli(DATA, "--shapes", str(shapes))
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {shapes}: a SPARQL query of the shapes is refused: ") and "SERVICE" in line


@pytest.mark.parametrize("text", ["", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"])
def test_shapes_file_without_shapes_is_an_error(tmp_path, text):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(text, encoding="utf-8")
    result = validate_cli(DATA, "--shapes", str(shapes))
    assert result.exit_code == 2
    assert result.stderr == f"Error: no SHACL shapes in {shapes}\n"
    with pytest.raises(ValidationError, match="^no SHACL shapes in "):
        relgraph.open(DATA).validate(shapes)


def test_missing_shapes_file_on_the_command_line_is_one_line(tmp_path):
    result = validate_cli(DATA, "--shapes", str(tmp_path / "nowhere.ttl"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'nowhere.ttl'}: no SHACL shapes file here\n"
