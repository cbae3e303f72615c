"""The checks of `relgraph validate` that read the files themselves: unknown classes and properties, ill-formed
literals, two states of one thing in one source, and quotes that are not in their source's excerpt.

Each case is a copy of the seed data with one broken file, and asserts the exact lines printed and the exit code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.validate.literals import well_formed

from .conftest import DATA, dataset_folder

PREFIXES = """\
@prefix ug:     <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:     <https://w3id.org/relgraph/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix dct:    <http://purl.org/dc/terms/> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
"""  # 8 lines: the first line of a test's own Turtle is line 9

XSD = "http://www.w3.org/2001/XMLSchema#"

# an excerpt of the letter, word for word: a quote that is in it
QUOTE = "De provincie Utrecht heeft sinds 1995 een zusterrelatie met de Chinese provincie Guangdong"


def copy_of_seed(tmp_path: Path, **files: str) -> Path:
    """A copy of the letter's data (its file, the ontology, the shapes and the letter's text) with more files in
    it (name=text; Turtle files get the prefixes first). Later sources of data/ are left out, so that the counts
    and findings below are the letter's."""
    data = tmp_path / "data"
    data.mkdir()
    dataset_folder(data, DATA / "utrecht-guangdong.ttl", DATA / "ontology.ttl")
    for name, text in files.items():
        path = data / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PREFIXES + text if path.suffix == ".ttl" else text, encoding="utf-8")
    return data


def validate(data: Path):
    return CliRunner().invoke(cli, ["--data", str(data), "validate"])


def assert_lines(data: Path, *expected: str) -> None:
    """`relgraph validate` prints exactly ``expected`` (``{data}`` stands for the data folder) and exits 1."""
    result = validate(data)
    assert result.stdout.splitlines() == [e.format(data=data) for e in expected]
    assert result.exit_code == 1, result.output
    n = len(expected)
    assert result.stderr.strip() == f"{n} problem{'s' if n != 1 else ''} found"


def sourced(name: str, body: str) -> str:
    """A resource that carries its labels, a quote from the letter and the letter as its source."""
    return (f'ug:{name} {body} ;\n    rdfs:label "{name}"@en , "{name}"@nl ;\n'
            f'    rg:quote "{QUOTE}"@nl ; prov:hadPrimarySource ug:letter .\n')


# ------------------------------------------------------------------------------------------ the seed


def test_the_seed_validates_clean():
    result = validate(DATA)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


# ------------------------------------------------------------------------------------------ unknown terms

SOURCE = f'rg:quote "{QUOTE}"@nl ; prov:hadPrimarySource ug:letter'


def test_a_misspelt_class_is_named_and_its_resource_still_needs_a_source(tmp_path):
    data = copy_of_seed(tmp_path, **{"x.ttl": (
        "ug:decision-x a rg:Descision ;\n"
        '    rdfs:label "A decision"@en , "Een besluit"@nl .\n')})
    assert_lines(
        data,
        "Violation: {data}/x.ttl:9:17: unknown class rg:Descision (did you mean rg:Decision?)",
        'Violation: ug:decision-x "A decision" prov:hadPrimarySource: needs its source: prov:hadPrimarySource '
        "pointing to the document (a prov:Entity) its quote comes from",
        'Violation: ug:decision-x "A decision" rg:quote: every resource and relation needs the exact quote from its '
        'source (rg:quote "..."@nl, copied letter for letter)')


def test_misspelt_properties_are_named_where_first_written_with_the_nearest_term(tmp_path):
    data = copy_of_seed(tmp_path, **{"x.ttl": (
        "# rg:decidedby in a comment is not where it is written\n"
        "ug:decision-y a rg:Decision ;\n"
        '    rdfs:label "Another decision"@en , "Nog een besluit"@nl ;\n'
        '    dct:date "2017-09-12"^^xsd:date ;\n'
        f"    rg:decidedby ug:gedeputeerde-staten ; {SOURCE} .\n"
        "ug:event-y a schema:Event ;\n"
        '    rdfs:label "An event"@en , "Een gebeurtenis"@nl ;\n'
        '    schema:startDate "2017-10-28"^^xsd:date ; <https://schema.org/enddate> "2017-11-04"^^xsd:date ;\n'
        f"    org:startDate \"2017\"^^xsd:gYear ; rg:frobnicate 1 ; {SOURCE} .\n")})
    assert_lines(
        data,
        "Violation: {data}/x.ttl:13:5: unknown property rg:decidedby (did you mean rg:decidedBy?)",
        "Violation: {data}/x.ttl:16:47: unknown property schema:enddate (did you mean schema:endDate?)",
        "Violation: {data}/x.ttl:17:5: unknown property org:startDate (did you mean schema:startDate?)",
        "Violation: {data}/x.ttl:17:39: unknown property rg:frobnicate "
        "(no rg: term is close; a new term is declared in the ontology)")


def test_cv_terms_are_known_from_the_documented_list(tmp_path):
    data = copy_of_seed(tmp_path, **{"x.ttl": (
        "@prefix cv: <http://data.europa.eu/m8g/> .\n"
        "ug:body a cv:PublicOrganization , org:Organization ;\n"
        '    rdfs:label "A body"@en , "Een orgaan"@nl ;\n'
        f'    cv:contactPage <https://example.org/contact> ; {SOURCE} .\n')})
    assert_lines(
        data, "Violation: {data}/x.ttl:10:11: unknown class cv:PublicOrganization (did you mean cv:PublicOrganisation?)")


def test_terms_the_ontology_declares_and_other_namespaces_are_not_reported(tmp_path):
    data = copy_of_seed(tmp_path, **{
        "ontology-extra.ttl": ('@prefix owl: <http://www.w3.org/2002/07/owl#> .\n'
                               "rg:newlyDeclared a owl:DatatypeProperty .\n"
                               'schema:localTerm rdfs:label "a term the ontology gives a label"@en .\n'),
        "x.ttl": ("@prefix wd: <http://www.wikidata.org/entity/> .\n"
                  "ug:place-x a schema:Place , ug:OwnClass , wd:Q515 ;\n"
                  '    rdfs:label "A place"@en , "Een plaats"@nl ;\n'
                  "    rg:newlyDeclared 1 ; schema:localTerm 2 ; ug:ownProperty 3 ; wd:P31 wd:Q515 ;\n"
                  f"    {SOURCE} .\n")})
    result = validate(data)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


# ------------------------------------------------------------------------------------------ ill-formed literals


@pytest.mark.parametrize(("text", "datatype"), [
    ("2016-02-29", "date"), ("2017-11-04Z", "date"), ("2017-11-04+14:00", "date"), ("-0044-03-15", "date"),
    ("2017-11", "gYearMonth"), ("1995", "gYear"), ("12017", "gYear"), ("2017-11-04T09:30:00", "dateTime"),
    ("2017-11-04T24:00:00", "dateTime"), ("2017-11-04T09:30:00.5+01:00", "dateTime"),
    ("-12", "integer"), ("+12", "integer"), ("0", "nonNegativeInteger"), ("255", "unsignedByte"), ("1.", "decimal"),
    (".5", "decimal"), ("-1.50", "decimal"), ("true", "boolean"), ("0", "boolean"), ("1e3", "double"),
    ("INF", "float"), ("anything", "string"),
])
def test_well_formed_literals(text, datatype):
    assert well_formed(text, XSD + datatype)


@pytest.mark.parametrize(("text", "datatype"), [
    ("2017-13-45", "date"), ("2017-02-29", "date"), ("2017-11-31", "date"), ("2017-1-04", "date"), ("17-11-04", "date"),
    ("2017-11-04 ", "date"), ("2017-11-04+15:00", "date"), ("2017-11-04T09:30", "dateTime"), ("2017-11-04", "dateTime"),
    ("2017-11-04T25:00:00", "dateTime"), ("2017-13", "gYearMonth"), ("2017", "gYearMonth"), ("95", "gYear"),
    ("01995", "gYear"), ("2017-11", "gYear"), ("twelve", "integer"), ("1.0", "integer"), ("-1", "nonNegativeInteger"),
    ("0", "positiveInteger"), ("256", "unsignedByte"), ("2147483648", "int"), ("1,5", "decimal"), ("1e3", "decimal"),
    ("yes", "boolean"), ("True", "boolean"), ("", "boolean"),
])
def test_ill_formed_literals(text, datatype):
    assert not well_formed(text, XSD + datatype)


@pytest.mark.filterwarnings("error::UserWarning")  # rdflib's "Parsing weird boolean" must not reach the screen
def test_ill_formed_literals_are_reported_wherever_they_are_once_each(tmp_path):
    data = copy_of_seed(tmp_path, **{"x.ttl": (
        "ug:decision-z a rg:Decision ;\n"
        '    rdfs:label "A decision"@en , "Een besluit"@nl ;\n'
        '    dct:date "2017-13-45"^^xsd:date ;\n'
        f"    {SOURCE} .\n"
        "ug:companies-z a rg:UnnamedParty ;\n"
        '    rdfs:label "some companies"@en , "enkele bedrijven"@nl ;\n'
        '    rg:count "twelve"^^xsd:integer ; ug:share "1,5"^^xsd:decimal ; ug:listed "yes"^^xsd:boolean ;\n'
        '    ug:since "2017-02-29"^^xsd:date ;\n'
        f"    {SOURCE} .\n")})
    assert_lines(
        data,
        'Violation: {data}/x.ttl:11:14: "2017-13-45" is not a valid xsd:date',
        'Violation: {data}/x.ttl:15:14: "twelve" is not a valid xsd:integer',
        'Violation: {data}/x.ttl:15:47: "1,5" is not a valid xsd:decimal',
        'Violation: {data}/x.ttl:15:78: "yes" is not a valid xsd:boolean',
        'Violation: {data}/x.ttl:16:14: "2017-02-29" is not a valid xsd:date')


# ------------------------------------------------------------------------------------------ states per source

NEW_SOURCE = """\
ug:some-new-source a prov:Entity ;
    rdfs:label "A later source"@en , "Een latere bron"@nl ;
    rg:quote "De zusterrelatie is beëindigd."@nl ; prov:hadPrimarySource ug:some-new-source .
"""


def test_a_later_source_may_end_what_the_letter_called_active(tmp_path):
    data = copy_of_seed(tmp_path, **{"later.ttl": (
        "ug:sister-relationship rg:status rg:Ended ; schema:endDate \"2022-11-16\"^^xsd:date ;\n"
        '    rg:quote "De zusterrelatie is beëindigd."@nl ; prov:hadPrimarySource ug:some-new-source .\n'
        + NEW_SOURCE)})
    result = validate(data)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    g = relgraph.open(data)  # the two sources do give two states of one relation
    statuses = g.query("SELECT ?s WHERE { ug:sister-relationship rg:status ?s } ORDER BY ?s", labels=False)
    assert [str(s) for (s,) in statuses.rows] == ["https://w3id.org/relgraph/ontology#Active",
                                                   "https://w3id.org/relgraph/ontology#Ended"]


def test_two_states_in_one_source_are_an_error(tmp_path):
    data = copy_of_seed(tmp_path, **{"later.ttl": (
        "ug:sister-relationship rg:status rg:Ended , rg:Active ;\n"
        '    schema:endDate "2022-11-16"^^xsd:date ; schema:endDate "2022"^^xsd:gYear ;\n'
        '    rg:quote "De zusterrelatie is beëindigd."@nl ; prov:hadPrimarySource ug:some-new-source .\n'
        + NEW_SOURCE)})
    later = "(a later state belongs in the later source's file)"
    assert_lines(
        data,
        "Violation: {data}/later.ttl:9:1: ug:sister-relationship has two rg:status values in one source: "
        f"rg:Ended and rg:Active {later}",
        "Violation: {data}/later.ttl:9:1: ug:sister-relationship has two schema:endDate values in one source: "
        f'"2022-11-16"^^xsd:date and "2022"^^xsd:gYear {later}')


def test_each_named_graph_of_a_trig_file_is_one_source(tmp_path):
    data = copy_of_seed(tmp_path)
    (data / "later.trig").write_text(PREFIXES + (
        "ug:graph-2022 { ug:sister-relationship rg:status rg:Ended ;\n"
        '    rg:quote "De zusterrelatie is beëindigd."@nl ; prov:hadPrimarySource ug:some-new-source . }\n'
        "ug:graph-2023 { ug:sister-relationship rg:status rg:Active ;\n"
        '    rg:quote "De zusterrelatie is hersteld."@nl ; prov:hadPrimarySource ug:some-new-source . }\n'
        + NEW_SOURCE), encoding="utf-8")
    result = validate(data)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


# ------------------------------------------------------------------------------------------ quotes and excerpts

LETTER_TXT = "sources/000_0bba009cb93adb15.txt"


def test_the_seed_quotes_are_all_checked_against_the_letter(letter_graph):
    report = letter_graph.validate()
    assert report.conforms and report.findings == []
    quotes = letter_graph.query("SELECT ?s ?q WHERE { ?s rg:quote ?q ; prov:hadPrimarySource ug:letter }")
    assert report.quotes == len(quotes) > 100


def test_a_quote_must_be_the_letters_own_words_whitespace_aside(tmp_path):
    data = copy_of_seed(tmp_path, **{"x.ttl": (
        "ug:place-q a schema:Place ;\n"
        '    rdfs:label "Somewhere"@en , "Ergens"@nl ;\n'
        "    rg:quote \"Thema's van de missie waren\"@nl ,\n"
        '             "De provincie Utrecht heeft sinds 1996 een zusterrelatie"@nl ,\n'
        '             """Thema’s   van de\n    missie waren"""@nl ,\n'
        '             "De provincie Utrecht heeft sinds 1995 een zusterrelatie met de Chinese provincie Guangdong '
        'en Shenzhen"@nl ;\n'
        "    prov:hadPrimarySource ug:letter .\n")})
    excerpt = f"quote not found in its source's excerpt {LETTER_TXT}"
    assert_lines(
        data,
        f"Violation: {{data}}/x.ttl:11:14: {excerpt}: \"Thema's van de missie waren\"",  # the letter writes Thema’s
        f'Violation: {{data}}/x.ttl:12:14: {excerpt}: "De provincie Utrecht heeft sinds 1996 een zusterrelatie"',
        f'Violation: {{data}}/x.ttl:15:14: {excerpt}: "De provincie Utrecht heeft sinds 1995 een zusterrelatie met …"')


LATER_SOURCE = """\
ug:some-new-source a prov:Entity ;
    rdfs:label "A press release"@en , "Een persbericht"@nl ;
    dct:source "{excerpt}" ;
    rg:quote "De zusterrelatie met Guangdong is beëindigd op 16 november 2022."@nl ;
    prov:hadPrimarySource ug:some-new-source .
"""
PRESS_RELEASE = """\
# Persbericht: einde zusterrelatie
# opgehaald 2022-11-17
De zusterrelatie met Guangdong is
    beëindigd op 16 november 2022.
"""


def test_a_later_sources_quotes_are_checked_against_its_own_excerpt_not_its_header(tmp_path):
    data = copy_of_seed(tmp_path, **{
        "sources__later.txt": PRESS_RELEASE,
        "later.ttl": (LATER_SOURCE.format(excerpt="sources/later.txt") +
                      "ug:sister-relationship rg:status rg:Ended ; schema:endDate \"2022-11-16\"^^xsd:date ;\n"
                      '    rg:quote "beëindigd op 16 november 2022"@nl , "Persbericht: einde zusterrelatie"@nl ;\n'
                      "    prov:hadPrimarySource ug:some-new-source .\n")})
    assert_lines(data, "Violation: {data}/later.ttl:15:51: quote not found in its source's excerpt "
                       'sources/later.txt: "Persbericht: einde zusterrelatie"')
    # the letter's quotes of the same relation, in the letter's file, are still found in the letter
    assert relgraph.open(data).validate().quotes == 110 + 2


def test_a_missing_excerpt_is_an_error(tmp_path):
    data = copy_of_seed(tmp_path, **{"later.ttl": LATER_SOURCE.format(excerpt="sources/missing.txt")})
    assert_lines(
        data,
        "Violation: {data}/later.ttl:11:16: excerpt of ug:some-new-source not found (looked for "
        "{data}/sources/missing.txt and " f"{tmp_path}/sources/missing.txt): " 'dct:source "sources/missing.txt"')


def test_a_finding_stays_one_line_and_prints_no_control_character(tmp_path):
    data = copy_of_seed(tmp_path, **{"later.ttl": LATER_SOURCE.format(excerpt="sources/new\\nline\\u001b.txt")})
    assert_lines(
        data,
        "Violation: {data}/later.ttl:11:16: excerpt of ug:some-new-source not found (looked for "
        "{data}/sources/new\\nline\\x1b.txt and " f"{tmp_path}/sources/new\\nline\\x1b.txt): "
        'dct:source "sources/new\\nline\\x1b.txt"')


def test_passages_answer_as_a_plain_search_and_are_shared_between_equal_texts():
    """``Passages.of`` gives one object per text (an import's quotes are then looked up once, not again by
    validation), and every answer, remembered or not, indexed or not, is that of ``quote in text``."""
    from relgraph.validate.quotes import Passages

    text = " ".join(f"Organisatie {i} werkt samen met organisatie {i * 7 % 50}." for i in range(200))
    first = Passages.of(text)
    assert Passages.of("".join(text)) is first  # an equal text, another string
    assert Passages.of(text + " ") is not first
    quotes = [f"organisatie {i} werkt samen" for i in range(0, 300, 3)] + ["samen met organisatie 7.", "werkt niet",
                                                                           "Organisatie 1 werkt", "tie 12 werkt sa"]
    for _ in range(2):  # asked again: remembered
        for q in quotes:
            assert (q in first) == (q in text) == (q in Passages(text)), q
    for i in range(Passages.KEPT + 1):
        Passages.of(f"text {i}")
    assert Passages.of(text) is not first  # only the last few texts are kept
