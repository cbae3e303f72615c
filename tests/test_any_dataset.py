"""Any standards-based dataset works: W3C ORG memberships dated with OWL-Time intervals, PROV times, SKOS labels,
the data's own prefixes in names, and a title the data give themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

import relgraph
from relgraph.network import neighbour_rows, paths

ORG_DATA = """\
@prefix ex: <https://example.org/org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .

ex:dataset a <http://rdfs.org/ns/void#Dataset> ; dct:title "Noordveld en zijn verenigingen"@nl .
ex:noordveld a org:Organization ; skos:prefLabel "Gemeente Noordveld"@nl ;
    skos:definition "A municipality"@en , "Een gemeente"@nl .
ex:zuid a org:Organization ; skos:prefLabel "Vereniging Zuid"@nl .
ex:oost a org:Organization ; skos:prefLabel "Stichting Oost"@nl .
ex:m1 a org:Membership ; org:member ex:zuid ; org:organization ex:noordveld ;
    org:memberDuring [ a time:Interval ;
        time:hasBeginning [ time:inXSDDate "2010-01-01"^^xsd:date ] ;
        time:hasEnd [ time:inXSDDate "2015-06-30"^^xsd:date ] ] .
ex:m2 a org:Membership ; org:member ex:oost ; org:organization ex:noordveld ;
    prov:startedAtTime "2016-03-01T00:00:00"^^xsd:dateTime .
"""


@pytest.fixture(scope="module")
def org_data(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("org") / "org.ttl"
    path.write_text(ORG_DATA, encoding="utf-8")
    return path


def test_the_data_s_own_prefixes_name_things(org_data):
    g = relgraph.open(org_data)
    assert g.resolve("ex:noordveld") == "https://example.org/org/noordveld"
    (chain,) = paths(g, "ex:noordveld", "ex:zuid")
    assert [s.target_label for s in chain] == ["Vereniging Zuid"]


@pytest.mark.parametrize(("day", "members"), [
    ("2012-06-01", {"Vereniging Zuid"}), ("2015-12-31", set()), ("2020-01-01", {"Stichting Oost"})])
def test_memberships_hold_by_their_intervals(org_data, day, members):
    g = relgraph.open(org_data)
    if not members:
        with pytest.raises(relgraph.ParameterError, match="has no relation held on 2015-12-31"):
            neighbour_rows(g, "ex:noordveld", as_of=day)
        return
    rows = neighbour_rows(g, "ex:noordveld", as_of=day)
    assert {r["neighbour"] for r in rows} == members
    assert all(r["date_unknown"] is False for r in rows)


def test_the_view_takes_its_title_and_definitions_from_the_data(org_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no queries/ folder here: the shipped queries, without the seed's presets
    g = relgraph.open(org_data)
    assert g.catalogue.shipped
    view = g.view(lang="nl")
    assert view.title == "Noordveld en zijn verenigingen"
    definitions = {n["label"]: n.get("definition") for n in view.data["nodes"]}
    assert definitions["Gemeente Noordveld"] == "Een gemeente"
    assert view.data["caption"].startswith("Gegevens: org.ttl")
    assert {n["label"]: n.get("definition") for n in g.view().data["nodes"]}["Gemeente Noordveld"] == "A municipality"
