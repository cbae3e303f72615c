"""The relationship over time: the sources of 2022 end what the letter of 2017 called active, and neither source's
claim is lost. Each test asks the graph; the expectations are what the sources say."""

from __future__ import annotations

import datetime as dt

import pytest

from relgraph.network import neighbour_rows, project
from relgraph.states import Claim, in_force

from .conftest import UG

SISTER = UG + "sister-relationship"
VVD, LETTER, PROVINCE_NEWS = UG + "source-vvd-2022", UG + "letter", UG + "source-provincie-2022"


def test_sister_relationship_names_the_end_its_date_and_its_source(seed):
    rows = seed.query("sister-relationship").as_dicts()
    assert {r["until"] for r in rows} == {"2022-11-16"} and {r["endSource"] for r in rows} == {VVD}
    by_source = {r["source"]: r for r in rows}
    assert by_source[LETTER]["status"].endswith("#Active") and by_source[LETTER]["holdsFrom"] == "1995"
    assert by_source[VVD]["status"].endswith("#Ended") and by_source[VVD]["holdsFrom"] == "2022-11-16"
    assert by_source[PROVINCE_NEWS]["status"].endswith("#Ended")
    assert rows[-1]["source"] == VVD, "the last dated row is the state in force"


def test_the_letter_keeps_its_own_claim_and_quote(seed):
    r = seed.query("""SELECT ?status ?quote WHERE { GRAPH <urn:relgraph:file:utrecht-guangdong.ttl> {
                        ?s rg:status ?status ; rg:quote ?quote } }""", s=seed.resolve("ug:sister-relationship"))
    assert [(str(s).rsplit("#")[-1], str(q)) for s, q in r.rows] == [
        ("Active", "De provincie Utrecht heeft sinds 1995 een zusterrelatie met de Chinese provincie Guangdong.")]


@pytest.mark.parametrize(("day", "held"), [("2020-01-01", True), ("2023-01-01", False)])
def test_neighbours_of_the_province_follow_time(seed, day, held):
    rows = neighbour_rows(seed, "ug:provincie-utrecht", as_of=day)
    sister = [r for r in rows if r["relation_iri"] == SISTER]
    assert bool(sister) is held
    if held:
        assert sister[0]["source"] == "Letter on the results of the China mission 2017"


def test_the_view_of_today_draws_it_ended_with_every_source(seed):
    net = project(seed)
    (edge,) = [d for _, _, d in net.edges(data=True) if d["relation"] == SISTER]
    assert edge["status"].endswith("#Ended") and edge["end"] == "2022-11-16"
    sources = {c["source"] for c in edge["claims"]}
    assert {LETTER, VVD, PROVINCE_NEWS} <= sources
    assert all(c["quotes"] for c in edge["claims"])


def test_timeline_shows_the_end_with_its_source(seed):
    rows = seed.query("timeline").as_dicts()
    ended = [r for r in rows if str(r["what"]) == SISTER and r["event"] == "ended"]
    assert [(str(r["date"]), r["source"], r["certainty"]) for r in ended] == [("2022-11-16", VVD, "inferred")]


def test_history_lists_each_source_s_statement(seed):
    rows = seed.query("history", entity="ug:sister-relationship").as_dicts()
    statuses = {(r["source"], str(r["value"]).rsplit("#")[-1]) for r in rows if r["statement"].endswith("#status")}
    assert {(LETTER, "Active"), (VVD, "Ended"), (PROVINCE_NEWS, "Ended")} <= statuses
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_a_later_claim_supersedes_from_its_date_on():
    letter = Claim("r", "g1", "letter", status="https://w3id.org/relgraph/ontology#Active", start="1995")
    vote = Claim("r", "g2", "vote", status="https://w3id.org/relgraph/ontology#Ended", end="2022-11-16")
    undated = Claim("r", "g3", "news", status="https://w3id.org/relgraph/ontology#Ended")
    claims = [letter, vote, undated]
    assert in_force(claims, dt.date(2022, 11, 15)) is letter
    assert in_force(claims, dt.date(2022, 11, 16)) is vote
    assert in_force(claims) is vote
    assert in_force(claims, dt.date(1990, 1, 1)) is undated  # nothing dated holds yet


def test_the_view_names_each_source_s_status_in_the_page_s_language(seed):
    view = seed.view(lang="nl", preset=None)
    (edge,) = [e for e in view.data["edges"] if e.get("relation") == SISTER]
    by_source = {c["source"]: c["status_label"] for c in edge["claims"]}
    assert by_source[LETTER] == "lopend" and by_source[VVD] == "afgelopen"
    assert edge["status_label"] == "afgelopen"
