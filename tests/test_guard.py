"""The read-only, offline guard in front of every query, and the inputs that tried to get round it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import relgraph
from relgraph.sparql import check_read_only

from .conftest import DATA, ROOT

ALLOWED = [
    "SELECT ?x WHERE { ?x a schema:Service }",                          # a real schema.org class
    "SELECT ?x WHERE { BIND(ug:cooperation-with-doftec AS ?x) }",     # WITH inside a local name
    "SELECT * WHERE { ug:2025-load ?p ?o }",
    "SELECT * WHERE { ug:x.with ?p ?o }",
    "PREFIX drop: <urn:x:> SELECT * WHERE { ?s drop:all ?o }",
    "SELECT * WHERE { ?s ?p 'SERVICE' } # DROP ALL\n",
    'SELECT * WHERE { ?s ?p """a\nDELETE b""" }',
    "SELECT * WHERE { ?s :load ?o }",
]

REFUSED = [
    "SELECT * WHERE { # x\rSERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } }",   # a comment ends at \r
    "SELECT * WHERE { 'x\r' SERVICE <http://127.0.0.1:9/x> { } }",                 # short strings cannot span \r
    "drop all",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "DELETE/**/WHERE { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { SeRvIcE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_read_only_queries_pass(text):
    check_read_only(text)


@pytest.mark.parametrize("text", REFUSED)
def test_tricks_are_refused(text):
    with pytest.raises(relgraph.ForbiddenQueryError):
        check_read_only(text)


def test_prefixed_names_that_look_like_keywords_run(seed):
    assert len(seed.query("SELECT ?x WHERE { ?x a schema:Service }")) == 0


def test_console_usage_errors_are_one_line():
    done = subprocess.run([sys.executable, "-c", "from relgraph.cli import main; main()", "--data", str(DATA),
                           "rank", "--by", "nonsense"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == ("Error: Invalid value for '--by': 'nonsense' is not one of 'degree', 'betweenness', "
                           "'pagerank'. (see 'relgraph rank --help')\n")


def test_control_characters_in_data_do_not_reach_the_terminal(run, tmp_path):
    (tmp_path / "x.ttl").write_text('<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "bell\\u0007 here" .\n',
                                    encoding="utf-8")
    result = run("query", "--sparql", "SELECT ?l WHERE { ?s rdfs:label ?l }", data=tmp_path)
    assert "bell\\x07 here" in result.output and "\x07" not in result.output


@pytest.mark.parametrize("value", ["2015 is not a date", "2015-06Tfoo", "2015-13", "yesterday"])
def test_as_of_must_be_a_date(run, value):
    result = run("rank", "--as-of", value)
    assert result.exit_code == 2
    assert result.output.strip().endswith(f"Error: not a date: '{value}' (use YYYY-MM-DD, YYYY-MM or YYYY)")


def test_as_of_accepts_ints_and_dates_in_python(seed):
    import datetime as dt

    assert seed.network(as_of=2015).number_of_edges() == seed.network(as_of=dt.date(2015, 1, 1)).number_of_edges()


def test_queries_folder_must_exist(tmp_path):
    with pytest.raises(relgraph.DataError, match="no such folder of named queries"):
        relgraph.open(DATA, queries=tmp_path / "nope")


@pytest.mark.parametrize("header, message", [
    ("# param: x | widget | d | e", "a.rq:2: parameter 'x' has unknown type 'widget'"),
    ("# param: x", "a.rq:2: a parameter line reads 'name | type | description | example'"),
    ("# param:  | string", "a.rq:2: '' is not a parameter name"),
    ("# param: 9bad-name | string", "a.rq:2: '9bad-name' is not a parameter name"),
    ("# param: x | string\n# param: x | integer", "a.rq:3: parameter 'x' is declared twice"),
])
def test_a_broken_query_header_names_file_and_line_and_breaks_only_itself(tmp_path, header, message):
    (tmp_path / "a.rq").write_text(f"# title: A\n{header}\nSELECT * WHERE {{ ?s ?p ?o }}\n", encoding="utf-8")
    (tmp_path / "b.rq").write_text("# title: B\nASK { ?s ?p ?o }\n", encoding="utf-8")
    g = relgraph.open(DATA, queries=tmp_path)
    assert g.query("b").boolean is True
    with pytest.raises(relgraph.ParameterError) as e:
        g.query("a")
    assert message in str(e.value)


def test_a_query_file_that_is_not_utf8_is_named(run, tmp_path):
    bad = tmp_path / "bin.rq"
    bad.write_bytes(b"\xff\xfeS\x00")
    result = run("query", "--file", str(bad))
    assert result.output == f"Error: {bad}: not UTF-8 text (byte 0)\n"


@pytest.mark.parametrize("name, message", [
    ("", "no entity named: give a label, a prefixed name (ug:doftec) or an IRI"),
    ("x" * 300, "no entity called '" + "x" * 80 + "…'"),
])
def test_odd_entity_names(seed, name, message):
    with pytest.raises(relgraph.EntityNotFoundError) as e:
        seed.resolve(name)
    assert str(e.value) == message


def test_other_vocabularies_get_names_and_edges(tmp_path):
    (tmp_path / "people.ttl").write_text(
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix ex: <http://example.org/> .\n"
        'ex:a a foaf:Person ; foaf:name "Ada" ; foaf:knows ex:b .\nex:b a foaf:Person ; foaf:name "Bob" .\n',
        encoding="utf-8")
    g = relgraph.open(tmp_path, queries=Path(tmp_path))
    assert g.stats().entities == 2
    (chain,) = g.path("Ada", "Bob")
    assert [step.label for step in chain] == ["foaf:knows"]


def test_named_graphs_of_a_trig_file_are_queryable_and_from_them_is_allowed(tmp_path):
    (tmp_path / "g.trig").write_text("@prefix ex: <http://example.org/> .\n@prefix rdfs: "
                                     "<http://www.w3.org/2000/01/rdf-schema#> .\n"
                                     'ex:g1 { ex:a a ex:Thing ; rdfs:label "A" . }\n', encoding="utf-8")
    g = relgraph.open(tmp_path / "g.trig", queries=tmp_path)
    assert g.query("SELECT ?l WHERE { ?s rdfs:label ?l }").rows == [("A",)]
    assert g.query("SELECT ?l FROM <http://example.org/g1> WHERE { ?s rdfs:label ?l }").rows == [("A",)]
    with pytest.raises(relgraph.ForbiddenQueryError):
        g.query("SELECT ?l FROM <http://example.org/g2> WHERE { ?s rdfs:label ?l }")
