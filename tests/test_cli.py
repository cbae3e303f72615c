"""The command line: exact output per format, clean one-line errors, and no way to change data by asking.

Exact answers are asked of the letter's own file (``run_letter``), so that another source's file in data/ does not
change them; safety and error paths run on the whole data folder (``run``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib

import relgraph

from .conftest import DATA, LETTER_FILE, same_graph

Q = "SELECT ?agreement ?signed WHERE { ?agreement a rg:Agreement ; rg:dateSigned ?signed }"
AGREEMENT = "https://w3id.org/relgraph/utrecht-guangdong/cooperation-doftec-2013"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt, expected", [
    ("table", "agreement                                  signed\n"
              "─────────────────────────────────────────  ───────\n"
              "Structural cooperation with DOFTEC (2013)  2013-11\n"
              "(1 row)\n"),
    ("csv", "agreement,signed\nStructural cooperation with DOFTEC (2013),2013-11\n"),
    ("tsv", "agreement\tsigned\nStructural cooperation with DOFTEC (2013)\t2013-11\n"),
    ("json", '[\n  {\n    "agreement": "Structural cooperation with DOFTEC (2013)",\n    "signed": "2013-11"\n  }\n]\n'),
    ("markdown", "| agreement | signed |\n|---|---|\n| Structural cooperation with DOFTEC (2013) | 2013-11 |\n"),
])
def test_select_formats(run_letter, fmt, expected):
    result = run_letter("query", "--sparql", Q, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_iris_instead_of_labels(run_letter):
    result = run_letter("query", "--sparql", Q, "-f", "csv", "--iris")
    assert result.output == f"agreement,signed\n{AGREEMENT},2013-11\n"
    table = run_letter("query", "--sparql", Q, "--iris")
    assert "ug:cooperation-doftec-2013  2013-11" in table.output


def test_labels_in_dutch_and_chinese(run_letter):
    nl = run_letter("query", "--sparql", Q, "-f", "csv", "--lang", "nl")
    assert nl.output == "agreement,signed\nStructurele samenwerking met DOFTEC (2013),2013-11\n"
    zh = run_letter("query", "--sparql", "SELECT ?p WHERE { ?p schema:sameAs wd:Q15175 }", "-f", "csv", "--lang", "zh")
    assert zh.output == "p\n广东省\n"


def test_ask_formats(run):
    assert run("query", "--sparql", "ASK { ?s a rg:Agreement }").output == "answer\n──────\nyes\n"
    assert run("query", "--sparql", "ASK { ?s a rg:Agreement }", "-f", "json").output == '{"boolean": true}\n'
    assert run("query", "--sparql", "ASK { ?s a rg:Nothing }", "-f", "csv").output == "answer\nfalse\n"


CONSTRUCT = "CONSTRUCT { ug:doftec rdfs:label ?l } WHERE { ug:doftec rdfs:label ?l FILTER(LANG(?l) = 'en') }"


def test_construct_formats(run_letter):
    assert run_letter("query", "--sparql", CONSTRUCT).output == (
        "@prefix ug: <https://w3id.org/relgraph/utrecht-guangdong/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'ug:doftec rdfs:label "DOFTEC"@en .\n')
    assert run_letter("query", "--sparql", CONSTRUCT, "-f", "nt").output == (
        '<https://w3id.org/relgraph/utrecht-guangdong/doftec> <http://www.w3.org/2000/01/rdf-schema#label> '
        '"DOFTEC"@en .\n')
    jsonld = run_letter("query", "--sparql", CONSTRUCT, "-f", "jsonld")
    assert '"@value":"DOFTEC"' in jsonld.output and jsonld.exit_code == 0


def test_format_that_does_not_fit_the_answer(run):
    result = run("query", "--sparql", CONSTRUCT, "-f", "csv")
    assert result.exit_code == 2
    assert result.output.strip().endswith("Error: a CONSTRUCT query gives triples: use --format turtle, nt or jsonld")
    result = run("query", "--sparql", Q, "-f", "turtle")
    assert "a SELECT query gives rows" in result.output and result.exit_code == 2


def test_named_query_with_parameter(run_letter):
    result = run_letter("query", "relations", "-p", "entity=ug:doftec", "-f", "csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "source,relation,target,status,document,quote"
    assert lines[1].startswith("DOFTEC,unit of,Provincial government of Guangdong,,Letter on the results of the China "
                               "mission 2017,")
    assert len(lines) == 4


def test_queries_lists_titles_and_parameters(run):
    result = run("queries")
    assert result.exit_code == 0
    assert "agreements" in result.output and "Every agreement, with its parties, kind, date and source" in result.output
    assert "-p entity=<entity>" in result.output


def test_stats(run):
    result = run("stats")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("triples") and int(first.split()[1]) > 1000
    assert "government body" in result.output


# ---------------------------------------------------------------- errors: one line, non-zero, no traceback

@pytest.mark.parametrize("args, message", [
    (["query", "agreement"], "Error: no query named 'agreement'; did you mean agreements? (see 'relgraph queries')"),
    (["query", "entity"], "Error: query 'entity' needs parameter 'entity' (entity, e.g. -p entity=DOFTEC)"),
    (["query", "entity", "-p", "foo=1"], "Error: query 'entity' has no parameter 'foo' (its parameters: entity)"),
    (["query", "entity", "-p", "entity=DOFTC"], "Error: no entity called 'DOFTC'; close matches: DOFTEC"),
    (["query", "--sparql", "SELECT ?x WHERE {\n ?x ?y }"], "Error: --sparql:2:9: expected one of LATERAL, SERVICE, [_]"),
    (["query", "--sparql", "DROP ALL"], "Error: relgraph query only reads: DROP (SPARQL UPDATE) is refused"),
    (["query", "--sparql", "DELETE WHERE { ?s ?p ?o }"],
     "Error: relgraph query only reads: DELETE (SPARQL UPDATE) is refused"),
    (["query", "--sparql", "INSERT DATA { ug:x rdfs:label 'x' }"],
     "Error: relgraph query only reads: INSERT (SPARQL UPDATE) is refused"),
    (["query", "--sparql", "LOAD <http://example.org/data.ttl>"],
     "Error: relgraph query only reads: LOAD (SPARQL UPDATE) is refused"),
    (["query", "--sparql", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
     "Error: relgraph query stays on this machine: SERVICE (a remote endpoint) is refused"),
    (["query", "--sparql", "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }"],
     "Error: relgraph query stays on this machine: FROM <http://example.org/g> names a graph that is not in the data"),
    (["query", "--sparql", "PREFIX x: <urn:x:> x:a"], "Error: --sparql: not a SPARQL query: expected SELECT, ASK, "
                                                        "CONSTRUCT or DESCRIBE"),
])
def test_errors_are_one_clean_line(run, args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_bad_parameter_syntax_is_a_usage_error(run):
    result = run("query", "entity", "-p", "entity")
    assert result.exit_code == 2
    assert "Error: Invalid value for -p/--param: 'entity' is not key=value" in result.output


def test_ambiguous_entity_lists_candidates(run_letter):
    result = run_letter("query", "entity", "-p", "entity=Utrecht")
    assert result.exit_code == 2
    assert "Error: 'Utrecht' is ambiguous: it could be Utrecht region (ug:utrecht-region)" in result.output


def test_missing_and_empty_data_folders(run, tmp_path):
    result = run("stats", data=tmp_path / "nope")
    assert result.exit_code == 2 and result.output == f"Error: {tmp_path / 'nope'}: no such file or folder\n"
    result = run("stats", data=tmp_path)
    assert result.output == f"Error: {tmp_path}: no RDF data files (*.ttl, *.trig, *.nt, *.nq) in this folder\n"


def test_malformed_turtle_names_file_line_and_column(run, tmp_path):
    bad = tmp_path / "x.ttl"
    bad.write_text('@prefix ug: <https://w3id.org/relgraph/utrecht-guangdong/> .\n'
                   'ug:a ug:b ug:c .\nug:d ug:e "never closed .\n', encoding="utf-8")
    result = run("stats", data=tmp_path)
    assert result.exit_code == 2
    assert result.output == f"Error: {bad}:3:11: Unexpected end of file\n"
    undeclared = tmp_path / "x.ttl"
    undeclared.write_text("nope:a nope:b nope:c .\n", encoding="utf-8")
    assert run("stats", data=tmp_path).output == f"Error: {undeclared}:1:1: The prefix nope: has not been declared\n"


# ---------------------------------------------------------------- safety: parameters are values, reads never write

INJECTIONS = ['x" } ; DROP ALL ; #', "x> } DELETE WHERE { ?s ?p ?o } #", "line one\nline two } #", "'; DROP ALL; --"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_a_string_parameter_changes_nothing(run, tmp_path, value, seed):
    query = tmp_path / "by-label.rq"
    query.write_text("# title: Entities with this exact label\n# param: name | string | A label | DOFTEC\n"
                     "SELECT DISTINCT ?s WHERE { ?s rdfs:label ?l FILTER(STR(?l) = ?name) }\n", encoding="utf-8")
    before = snapshot(DATA)
    triples = seed.stats().triples
    result = run("query", "--file", str(query), "-p", f"name={value}", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "s\n"
    assert snapshot(DATA) == before
    assert run("stats", "-f", "json").output.count(f'"triples": {triples}') == 1
    ok = run("query", "--file", str(query), "-p", "name=DOFTEC", "-f", "csv")
    assert ok.output == "s\nDOFTEC\n"


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_an_entity_parameter_finds_nothing(run, value):
    result = run("query", "entity", "-p", f"entity={value}")
    assert result.exit_code == 2
    assert result.output.startswith("Error: no entity called")


def test_read_commands_never_write(run, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = snapshot(tmp_path)
    for args in (["query", "agreements"], ["query", "--sparql", "DROP ALL"], ["stats"], ["queries"],
                 ["query", "entity", "-p", "entity=DOFTEC", "-f", "json"]):
        run(*args, data=data)
    assert snapshot(tmp_path) == before


def test_help_texts_carry_an_example(run):
    from relgraph.cli import cli

    for name, command in cli.every_command().items():
        assert command.help and "Example:" in command.help, name


@pytest.mark.parametrize(("text", "limit", "cut"), [
    ("Guangdong", 9, "Guangdong"), ("Guangdong", 5, "Guan…"), ("één twee", 4, "één…"), ("广东省", 5, "广东…"),
    ("广东省", 4, "广…"), ("a广东", 2, "a…"), ("abc", 1, "…"), ("广", 1, "…")])
def test_a_cell_is_cut_to_its_column_counting_wide_characters_twice(text, limit, cut):
    from relgraph.formatting import _fit, width

    assert _fit(text, limit, width(text)) == (cut, width(cut))


def test_turtle_declares_exactly_the_prefixes_its_iris_use(seed):
    from relgraph.formatting import render
    from relgraph.namespaces import PREFIXES

    answer = seed.query("entity-graph", entity="DOFTEC")
    iris = {str(t) for triple in answer.triples for t in triple if isinstance(t, relgraph.IRI)}
    declared = {line.split()[1].rstrip(":") for line in render(answer, "turtle").splitlines()
                if line.startswith("@prefix")}
    assert declared == {p for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris)}
    assert "ug" in declared and "rdfs" in declared


def test_table_fits_a_narrow_terminal_without_losing_short_columns(seed):
    from relgraph.formatting import render, width

    text = render(seed.query("posts"), max_width=120)
    lines = text.splitlines()
    assert all(width(line) <= 120 for line in lines)
    assert "…" in text
    assert "not named in the source" in lines[2]      # a short column keeps its width
    narrow = render(seed.query("agreements"), max_width=80)
    assert all(width(line) <= 80 for line in narrow.splitlines())


TYPED = """# title: Things dated after a day, up to a count
# param: after | date | A day | 2017-01-01
# param: most | integer | How many at most | 3
# param: year | year | A year | 2017
SELECT ?what ?date WHERE { ?what schema:startDate ?date FILTER(STR(?date) > STR(?after) && STRSTARTS(STR(?date), STR(?year))) }
ORDER BY ?date
"""


@pytest.mark.parametrize("args, message", [
    (["-p", "after=1 jan", "-p", "most=3", "-p", "year=2017"],
     "Error: parameter 'after' must be a date as YYYY-MM-DD, not '1 jan'"),
    (["-p", "after=2017-01-01", "-p", "most=three", "-p", "year=2017"],
     "Error: parameter 'most' must be a whole number, not 'three'"),
    (["-p", "after=2017-01-01", "-p", "most=3", "-p", "year=17"],
     "Error: parameter 'year' must be a year as YYYY, not '17'"),
])
def test_ill_typed_parameters_name_the_parameter(run, tmp_path, args, message):
    query = tmp_path / "typed.rq"
    query.write_text(TYPED, encoding="utf-8")
    result = run("query", "--file", str(query), *args)
    assert result.exit_code == 2
    assert result.output.strip() == message


def test_typed_parameters_bind_as_typed_terms(run, tmp_path):
    query = tmp_path / "typed.rq"
    query.write_text(TYPED, encoding="utf-8")
    result = run("query", "--file", str(query), "-p", "after=2017-06-30", "-p", "most=3", "-p", "year=2017",
                 "-f", "csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "what,date" and len(lines) > 1
    assert {line.split(",")[-1] for line in lines[1:]} == {"2017-10-28"}


DOFTEC_DESCRIBED = """
@prefix ug:   <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:   <https://w3id.org/relgraph/ontology#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix cv:   <http://data.europa.eu/m8g/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ug:doftec a cv:PublicOrganisation , org:OrganizationalUnit ;
    rdfs:label "DOFTEC"@en , "DOFTEC"@nl ;
    skos:definition "Economic department of the province of Guangdong"@en ,
                    "Economische afdeling van de provincie Guangdong"@nl ;
    org:unitOf ug:guangdong-government ;
    rg:quote "DOFTEC (Economische afdeling van de provincie Guangdong)"@nl ;
    prov:hadPrimarySource ug:letter .
"""


def test_describe(run_letter):
    result = run_letter("query", "--sparql", "DESCRIBE ug:doftec", "-f", "nt")
    assert result.exit_code == 0, result.output
    described = rdflib.Graph().parse(data=result.output, format="nt")
    assert same_graph(described, rdflib.Graph().parse(data=DOFTEC_DESCRIBED, format="turtle"))


def test_data_given_as_a_relative_path_with_dot_dot(run, tmp_path, monkeypatch):
    """A data folder named from a sibling folder (``../data``, as a notebook does) loads, hidden files do not."""
    data = tmp_path / "data"
    (data / ".ipynb_checkpoints").mkdir(parents=True)
    shutil.copy(LETTER_FILE, data / LETTER_FILE.name)
    shutil.copy(DATA / "ontology.ttl", data / "ontology.ttl")
    shutil.copy(DATA / "ontology.ttl", data / ".ipynb_checkpoints" / "ontology-checkpoint.ttl")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    result = run("stats", "-f", "json", data="../data")
    assert result.exit_code == 0, result.output
    assert '"files": [\n    "../data/ontology.ttl",\n    "../data/utrecht-guangdong.ttl"\n  ]' in result.output
