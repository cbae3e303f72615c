"""The Python API: the same power as the command line, plain values, and the same answers from both engines.

Answers that state what the letter says are asked of the letter's own file (``letter_graph``); the engines are
compared on the whole data folder.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib.compare import isomorphic

import relgraph
from relgraph.sparql import bind, check_read_only, serialize_term

from .conftest import DATA, QUERIES, UG, rdf_graph


def test_rows_are_plain_python_values(letter_graph):
    r = letter_graph.query("SELECT ?m ?start ?n WHERE { ?m a cv:PublicEvent ; schema:startDate ?start . "
                   "?u rg:count ?n FILTER(?n > 10) }")
    ((mission, start, n),) = r.rows
    assert isinstance(mission, relgraph.IRI) and mission == UG + "mission-2017"
    assert start == dt.date(2017, 10, 28) and n == 12
    assert r.as_dicts(labels=True) == [{"m": "Economic mission to Guangdong 2017", "start": dt.date(2017, 10, 28),
                                        "n": 12}]


def test_to_dataframe_has_labels_and_iris(letter_graph):
    df = letter_graph.query("agreements").to_dataframe()
    assert list(df.columns[:3]) == ["agreement", "agreement_iri", "kind"]
    assert set(df["kind"]) == {"contract", "letter of intent", "structural cooperation"}
    assert UG + "cooperation-doftec-2013" in set(df["agreement_iri"])


def test_sparql_text_with_keyword_parameters(letter_graph):
    r = letter_graph.query("SELECT ?label WHERE { ?e rdfs:label ?label FILTER(LANG(?label) = ?tag) }",
                   e=relgraph.IRI(UG + "guangdong"), tag="zh-hans")
    assert r.rows == [("广东省",)]


def test_named_query_in_python_resolves_any_label(letter_graph):
    by_dutch = letter_graph.query("relations", entity="Provincie Utrecht")
    by_iri = letter_graph.query("relations", entity=UG + "provincie-utrecht")
    assert by_dutch.rows == by_iri.rows and len(by_dutch) >= 4


def test_unknown_language_is_a_parameter_error(seed):
    with pytest.raises(relgraph.ParameterError, match="unknown language 'fr'"):
        seed.query("agreements", lang="fr")


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_oxigraph_and_rdflib_engines_agree(seed, name):
    """relgraph ships Oxigraph; rdflib's engine is the reference it must agree with."""
    baseline = relgraph.open(DATA, queries=QUERIES, engine="rdflib")
    q = seed.named_query(name)
    params = {p.name: p.example for p in q.params}
    fast, slow = seed.query(name, **params), baseline.query(name, **params)
    assert fast.is_graph == slow.is_graph
    if fast.is_graph:
        assert isomorphic(rdf_graph(fast), rdf_graph(slow))
    else:
        assert sorted(map(unordered, fast.rows)) == sorted(map(unordered, slow.rows))


def unordered(row: tuple) -> str:
    """A row as text, with GROUP_CONCAT lists sorted: SPARQL leaves their order to the engine."""
    return repr(tuple(" · ".join(sorted(c.split(" · "))) if isinstance(c, str) else c for c in row))


def test_guard_ignores_keywords_inside_strings_and_iris():
    check_read_only("SELECT * WHERE { ?s rdfs:label 'DROP ALL' ; <urn:delete> ?o } # INSERT in a comment")
    check_read_only("SELECT ?drop WHERE { ?drop ug:load ?x }")


def test_bind_puts_values_first_in_the_where_clause():
    text = bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": relgraph.IRI("urn:x")})
    assert text == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<urn:x>) }  ?s ?p ?o }"


@pytest.mark.parametrize("bad", ["urn:x> } DROP ALL #", "urn:a b", 'urn:"x'])
def test_iris_that_could_break_out_are_refused(bad):
    with pytest.raises(relgraph.ParameterError):
        serialize_term(relgraph.IRI(bad))


def test_literals_are_escaped():
    assert serialize_term(relgraph.Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'
    assert serialize_term(relgraph.Literal("x", lang="zh-Hans")) == '"x"@zh-hans'


def test_bind_opens_each_union_branch_but_not_optional_or_sub_selects():
    x = {"e": relgraph.IRI("urn:x")}
    v = "VALUES (?e) { (<urn:x>) } "
    assert bind("SELECT * WHERE { { ?e ?p ?o } UNION { ?s ?p ?e } }", x) == (
        f"SELECT * WHERE {{ {v} {{ {v} ?e ?p ?o }} UNION {{ {v} ?s ?p ?e }} }}")
    for text in ("SELECT * WHERE { ?e ?p ?o OPTIONAL { { ?a ?b ?e } UNION { ?e ?b ?a } } }",
                 "SELECT * WHERE { FILTER NOT EXISTS { { ?e ?p ?o } UNION { ?o ?p ?e } } }"):
        assert bind(text, x).count("VALUES") == 1
    sub = bind("SELECT * WHERE { { SELECT ?e WHERE { ?e ?p ?o } } UNION { ?s ?p ?e } }", x)
    assert sub.count("VALUES") == 2 and "{ SELECT ?e" in sub
