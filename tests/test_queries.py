"""Every named query parses, runs on the seed and answers what the letter says.

What the letter says is asked of the letter's own file (``letter_graph``), so that another source's file in data/
does not change it; the exact answers of every query on a graph known by hand are in test_fixture_queries.py.
"""

from __future__ import annotations

import pytest
import rdflib

from relgraph.sparql import PARAM_TYPES

from .conftest import QUERIES, rdf_graph, same_graph

NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))


def test_at_least_twelve_named_queries():
    assert len(NAMES) >= 12


@pytest.mark.parametrize("name", NAMES)
def test_header_is_complete(seed, name):
    q = seed.named_query(name)
    assert q.title and q.title != name
    assert len(q.description) > 40, "a description a non-specialist understands"
    for p in q.params:
        assert p.type in PARAM_TYPES and p.description and p.example


@pytest.mark.parametrize("name", NAMES)
def test_runs_with_its_example_parameters(seed, name):
    q = seed.named_query(name)
    result = seed.query(name, **{p.name: p.example for p in q.params})
    if name == "unsourced":
        assert len(result) == 0
    else:
        assert len(result) > 0, f"{name} answered nothing on the seed"


def labels_of(result, column):
    return [result.label(row[result.columns.index(column)]) for row in result.terms]


def test_mission_participants(letter_graph):
    r = letter_graph.query("mission-participants")
    who = set(labels_of(r, "participant"))
    assert {"Provincial executive for the Economy (gedeputeerde Economie)", "DOFTEC", "Guangdong Foreign Affairs",
            "Netherlands Foreign Investment Agency (NFIA)", "Consulate-General of the Netherlands in Guangzhou",
            "Economic Board Utrecht (EBU)", "FoodValley", "Hogeschool voor de Kunsten Utrecht (HKU)",
            "Museum Oud Amelisweerd (MOA)", "Utrecht Marketing", "SHV", "12 companies (not named in the letter)",
            "Vice Governor of Guangdong"} <= who
    rows = {(a, b) for a, b in zip(labels_of(r, "participant"), labels_of(r, "via"))}
    assert ("FoodValley", "Utrecht delegation 2017") in rows


def test_agreements(letter_graph):
    r = letter_graph.query("agreements")
    assert sorted(labels_of(r, "kind")) == ["contract", "letter of intent", "structural cooperation"]
    by_kind = {row["kind"]: row for row in r.as_dicts(labels=True)}
    assert by_kind["structural cooperation"]["signed"] == "2013-11"
    assert "DOFTEC" in by_kind["structural cooperation"]["parties"]
    assert "(not named)" in by_kind["contract"]["parties"]
    assert by_kind["letter of intent"]["signedAt"] == "Official reception by the Vice Governor of Guangdong"


def test_counterparts(letter_graph):
    r = letter_graph.query("counterparts").as_dicts(labels=True)
    pairs = {(row["party"], row["counterpart"]) for row in r}
    assert pairs == {("Provincial government of Guangdong", "Province of Utrecht (provincial government)"),
                     ("DOFTEC", "Province of Utrecht (provincial government)")}


def test_entity_by_chinese_label_and_in_dutch(letter_graph):
    r = letter_graph.query("entity", entity="广东省", lang="nl")
    values = labels_of(r, "value")
    assert "Provincie Guangdong (overheid)" in values      # who governs it, seen from the other side
    assert "China" in values


def test_timeline_is_in_order_and_marks_the_inferred_year(letter_graph):
    r = letter_graph.query("timeline").as_dicts(labels=True)
    dates = [str(row["date"]) for row in r]
    assert dates == sorted(dates)
    assert dates[0] == "1995"
    inferred = [row for row in r if row["certainty"] == "inferred"]
    assert [str(row["date"]) for row in inferred] == ["2018-01-29"]
    assert "29 januari" in inferred[0]["reasoning"]


def test_pending_lists_intentions_not_achievements(letter_graph):
    r = letter_graph.query("pending").as_dicts(labels=True)
    statuses = {row["status"] for row in r}
    assert "achieved" not in statuses and "intended" in statuses and "considered" in statuses
    assert "Letter of intent: moving a plant from oil to LNG" in {row["what"] for row in r}


def test_outcomes_by_theme(letter_graph):
    r = letter_graph.query("outcomes-by-theme").as_dicts(labels=True)
    themed = [row["outcome"] for row in r if row["theme"] == "Greenhouse horticulture"]
    assert themed == ["A Chinese delegation of academic experts and companies considers a follow-up visit to the "
                      "Netherlands"]
    assert len(r) == len({row["outcome"] for row in r}) == 15


def test_facts_by_quote_counts_the_shared_delegation_sentence(letter_graph):
    r = letter_graph.query("facts-by-quote").as_dicts()
    top = r[0]
    assert top["quote"].startswith("De delegatie bestond uit")
    assert top["facts"] == 8   # the delegation, its 6 memberships and its participation in the mission


def test_relations_have_source_relation_target(letter_graph):
    r = letter_graph.query("relations", entity="ug:doftec")
    assert r.columns[:3] == ["source", "relation", "target"]
    assert len(r) == 3


DOFTEC_GRAPH = """
@prefix ug:   <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:   <https://w3id.org/relgraph/ontology#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix cv:   <http://data.europa.eu/m8g/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

# "DOFTEC (Economische afdeling van de provincie Guangdong)"
ug:doftec a cv:PublicOrganisation , org:OrganizationalUnit ;
    rdfs:label "DOFTEC"@en , "DOFTEC"@nl ;
    skos:definition "Economic department of the province of Guangdong"@en ,
                    "Economische afdeling van de provincie Guangdong"@nl ;
    org:unitOf ug:guangdong-government ;
    rg:quote "DOFTEC (Economische afdeling van de provincie Guangdong)"@nl ;
    prov:hadPrimarySource ug:letter .
cv:PublicOrganisation rdfs:label "public organisation"@en , "overheidsorganisatie"@nl , "公共机构"@zh-Hans .
org:OrganizationalUnit rdfs:label "organisational unit"@en , "organisatieonderdeel"@nl , "组织单位"@zh-Hans .
ug:guangdong-government rdfs:label "Provincial government of Guangdong"@en , "Provincie Guangdong (overheid)"@nl .
ug:letter rdfs:label "Letter on the results of the China mission 2017"@en ,
                     "Brief over de resultaten van de China missie 2017"@nl .

# "In november 2013 is de provincie een structurele samenwerking aangegaan met DOFTEC"
ug:cooperation-doftec-2013 rg:party ug:doftec ;
    rdfs:label "Structural cooperation with DOFTEC (2013)"@en , "Structurele samenwerking met DOFTEC (2013)"@nl .
# "De missie is georganiseerd in nauwe samenwerking met ... DOFTEC"
ug:participation-doftec-co-organises-mission rg:agent ug:doftec ;
    rdfs:label "DOFTEC co-organised the mission"@en , "DOFTEC organiseerde de missie mee"@nl .
"""


def test_entity_graph_is_a_construct_of_what_the_letter_says_about_doftec(letter_graph):
    r = letter_graph.query("entity-graph", entity="DOFTEC")
    assert r.form == "CONSTRUCT"
    assert same_graph(rdf_graph(r), rdflib.Graph().parse(data=DOFTEC_GRAPH, format="turtle"))
