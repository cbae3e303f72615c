"""The fast path of the shapes (relgraph.validate.engine) gives pySHACL's findings, finding for finding: on the
seed data, on a file that breaks every kind of constraint data/shapes.ttl has, and through an import of a sheet
whose rows the shapes refuse. Also: pySHACL's own ``focus_nodes`` option, which the import no longer uses,
misses what nested shapes catch; the narrowed shapes do not."""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

import pytest

from relgraph.validate import shacl
from relgraph.validate.engine import supports
from relgraph.validate.files import read_files

from .conftest import DATA, dataset_folder

UG = "https://w3id.org/relgraph/utrecht-guangdong/"

BROKEN = """\
@prefix ug:     <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:     <https://w3id.org/relgraph/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix cv:     <http://data.europa.eu/m8g/> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

ug:src a prov:Entity ; rdfs:label "Bron"@nl , "Source"@en ; rg:quote "q"@nl ; prov:hadPrimarySource ug:src .
ug:no-en a org:Organization ; rdfs:label "Alleen Nederlands"@nl , "Tweede"@nl , "plain" ;
    rg:quote "" ; prov:hadPrimarySource ug:src , "not an IRI" ; rg:status rg:Nonsense , rg:Active .
ug:no-quote a org:Organization , schema:Event ; rdfs:label "A"@en , "A"@nl ; prov:hadPrimarySource ug:no-en ;
    schema:startDate "2020-13-45"^^xsd:date , "2021" ; schema:endDate "2019"^^xsd:gYear ;
    schema:superEvent ug:src ; rg:count "-1"^^xsd:integer , 2 .
ug:m a org:Membership ; rdfs:label "M"@en , "M"@nl ; rg:quote "q"@nl ; prov:hadPrimarySource ug:src ;
    org:member ug:src , "literal" ; org:role rg:Active ; rg:certainty rg:Stated .
ug:backwards a cv:Participation ; rdfs:label "B"@en , "B"@nl ; rg:quote "q"@nl ; prov:hadPrimarySource ug:src ;
    rg:agent ug:no-en ; rg:event ug:no-quote ; schema:startDate "2018-05"^^xsd:gYearMonth ;
    schema:endDate "2017-01-01"^^xsd:date ; rg:party "a literal party" .
"""


def _both(folder: Path, focus: set[str] | None):
    files = read_files(sorted(p for p in folder.iterdir() if p.suffix == ".ttl" and p.name != "shapes.ttl"), folder)
    path = DATA / "shapes.ttl"
    slow = shacl.check(shacl.load_shapes(path), files, path, focus=focus, fast=False)
    fast = shacl.check(shacl.load_shapes(path), files, path, focus=focus)
    return slow, fast


def _key(findings):
    return sorted(astuple(f) + (f.shape, f.component) for f in findings)


def test_the_shapes_stay_within_the_fast_path():
    assert supports(shacl.load_shapes(DATA / "shapes.ttl"))


def test_unknown_shacl_features_go_to_pyshacl():
    import rdflib

    shapes = shacl.load_shapes(DATA / "shapes.ttl")
    shapes.add((rdflib.URIRef(UG + "s"), rdflib.URIRef("http://www.w3.org/ns/shacl#pattern"), rdflib.Literal("x")))
    assert not supports(shapes)


def test_same_findings_on_every_kind_of_broken_record(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    dataset_folder(data, DATA / "ontology.ttl")
    (data / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    focus = {UG + n for n in ("src", "no-en", "no-quote", "m", "backwards")}
    (slow, slow_n), (fast, fast_n) = _both(data, focus)
    assert _key(fast) == _key(slow)
    assert fast_n == slow_n
    components = {f.component for f in fast}
    assert {"QualifiedMinCountConstraintComponent", "SPARQLConstraintComponent", "OrConstraintComponent",
            "ClassConstraintComponent", "UniqueLangConstraintComponent", "MinLengthConstraintComponent",
            "DatatypeConstraintComponent", "NodeKindConstraintComponent", "MinCountConstraintComponent",
            "InConstraintComponent", "MinInclusiveConstraintComponent", "MaxCountConstraintComponent"} <= components
    assert any(f.message == "ends before it starts (2018-05): correct schema:startDate or schema:endDate"
               for f in fast)


def test_a_focus_keeps_only_its_resources(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    dataset_folder(data, DATA / "ontology.ttl")
    (data / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    (slow, _), (fast, _) = _both(data, {UG + "no-en"})
    assert _key(fast) == _key(slow)
    assert {f.focus for f in fast} == {UG + "no-en"}
    assert "needs a label in English (rdfs:label \"...\"@en)" in {f.message for f in fast}


@pytest.mark.parametrize("name", ["ontology.ttl", "utrecht-guangdong.ttl"])
def test_same_findings_on_the_seed(tmp_path, name):
    data = tmp_path / "data"
    data.mkdir()
    dataset_folder(data, DATA / name, DATA / "ontology.ttl")
    files = read_files(sorted(data.glob("*.ttl")), data)
    subjects = {q.subject.value for f in files for q in f.quads if type(q.subject).__name__ == "NamedNode"}
    (slow, slow_n), (fast, fast_n) = _both(data, subjects)
    assert _key(fast) == _key(slow) and fast_n == slow_n
