"""Network analysis of the letter's graph: the projection, chains of relations, neighbourhoods, rankings, time.

Every expectation is a fact of the letter as the graph holds it (checked against the store or the letter's text),
not a copy of the data. The graph is the letter's own file with the ontology (``letter_graph``, ``run_letter``), so
that another source's file in data/ (a second mission, a renewed agreement) does not change the letter's chains,
neighbours and ranks.
"""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

import relgraph
from relgraph import network as analysis
from relgraph.network import project

from .conftest import LETTER, UG

FOODVALLEY, DOFTEC, DELEGATION, MISSION = UG + "foodvalley", UG + "doftec", UG + "delegation-2017", UG + "mission-2017"
PROVINCE, GUANGDONG_GOV = UG + "provincie-utrecht", UG + "guangdong-government"
SISTER, COOPERATION = UG + "sister-relationship", UG + "cooperation-doftec-2013"
RG = "https://w3id.org/relgraph/ontology#"
CHAIN = ("FoodValley — represented in → Utrecht delegation 2017 — took part in → "
         "Economic mission to Guangdong 2017 ← co-organised — DOFTEC")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def letter() -> str:
    return flat(LETTER.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def net(letter_graph):
    return project(letter_graph)


def store_value(g: relgraph.Dataset, subject: str, prop: str) -> str:
    rows = g.query(f"SELECT ?v WHERE {{ <{subject}> {prop} ?v }}").column("v")
    assert len(rows) == 1, rows
    return str(rows[0])


def edges_between(net, a, b):
    return [d for u, v, d in net.edges(data=True) if {u, v} == {a, b}]


# ---------------------------------------------------------------------------------------------------- projection


def test_projection_kinds_of_nodes(net):
    assert net.nodes[DOFTEC]["kind"] == "government"
    assert net.nodes[FOODVALLEY]["kind"] == "organisation"
    assert net.nodes[MISSION]["kind"] == "event"
    assert net.nodes[DOFTEC]["labels"]["en"] == "DOFTEC"


def test_sister_relationship_edge_joins_the_two_provincial_governments(letter_graph, net, letter):
    (edge,) = [d for d in edges_between(net, PROVINCE, GUANGDONG_GOV) if d["kind"] == RG + "SisterRelationship"]
    assert edge["relation"] == SISTER
    assert edge["start"] == store_value(letter_graph, SISTER, "schema:startDate") == "1995"
    assert edge["end"] is None
    assert edge["quote"] == store_value(letter_graph, SISTER, "rg:quote")
    assert flat(edge["quote"]) in letter
    assert edge["status_label"] == "active"
    assert net.nodes[PROVINCE]["kind"] == net.nodes[GUANGDONG_GOV]["kind"] == "government"


def test_no_literal_became_a_node_and_relations_are_edges(letter_graph, net):
    literals = {str(v) for v in letter_graph.query("SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }").column("o")}
    assert not literals & set(net.nodes)
    typed = {str(s) for s in letter_graph.query("SELECT DISTINCT ?s WHERE { ?s a ?t }").column("s")}
    assert set(net.nodes) <= typed
    memberships = {str(s) for s in letter_graph.query("SELECT ?m WHERE { ?m a org:Membership }").column("m")}
    assert memberships and not memberships & set(net.nodes)
    assert {d["relation"] for _, _, d in net.edges(data=True)} >= memberships


def test_every_edge_carries_its_source_quote(net, letter):
    for _, _, d in net.edges(data=True):
        assert d["quote"], d
        assert flat(d["quote"]) in letter


def test_bipartite_projection_makes_relations_nodes(letter_graph, net):
    b = letter_graph.network(bipartite=True)
    side = nx.get_node_attributes(b, "bipartite")
    assert all(side[u] != side[v] for u, v in b.edges())
    entities = {n for n, s in side.items() if s == 0}
    assert entities == set(net.nodes)
    assert nx.bipartite.is_bipartite_node_set(b.to_undirected(), entities)
    sister = b.nodes[SISTER]
    assert sister["kind"] == "relation" and sister["start"] == "1995"
    assert sister["label"] == letter_graph.label(SISTER)
    assert set(nx.all_neighbors(b, SISTER)) == {PROVINCE, GUANGDONG_GOV}
    assert sum(1 for _, s in side.items() if s == 1) == len({(d["relation"], d["kind"], u, v) if d["relation"] in net
                                                             else d["relation"] for u, v, d in net.edges(data=True)})


# ---------------------------------------------------------------------------------------------------- paths


def test_path_foodvalley_to_doftec_goes_through_the_delegation_and_the_mission(letter_graph, letter):
    found = letter_graph.path("FoodValley", "DOFTEC")
    assert len(found) == 1
    (chain,) = found
    assert len(chain) == 3
    assert [s.source for s in chain] == [FOODVALLEY, DELEGATION, MISSION]
    assert chain[-1].target == DOFTEC
    assert [s.direction for s in chain] == ["forward", "forward", "backward"]
    assert [s.arrow for s in chain] == ["→", "→", "←"]
    for step in chain:
        assert step.quote and flat(step.quote) in letter
        assert step.label and step.relation
    assert analysis.path_text(chain).splitlines()[0] == CHAIN
    assert set(chain[0].as_dict()) >= {"source", "label", "target", "direction", "quote"}


def test_path_names_in_any_language_prefix_or_iri(letter_graph):
    by_label = letter_graph.path("FoodValley", "DOFTEC")
    assert letter_graph.path("ug:foodvalley", DOFTEC) == by_label
    dutch = letter_graph.path("Utrechtse delegatie 2017", "doftec", lang="nl")
    assert [s.source for s in dutch[0]] == [DELEGATION, MISSION]
    assert dutch[0][0].target_label == "Economische missie naar Guangdong 2017"


def test_path_ties_are_all_shown_up_to_the_cap(letter_graph):
    both = letter_graph.path("HKU", "Guangdong Foreign Affairs")
    assert len(both) == 2
    assert len({tuple(s.target for s in p) for p in both}) == 2
    assert all(len(p) == 3 for p in both)
    assert letter_graph.path("HKU", "Guangdong Foreign Affairs", max_paths=1) == both[:1]


def test_symmetric_relation_has_no_direction(letter_graph):
    (chain,) = letter_graph.path("Provincial government of Guangdong", "ug:provincie-utrecht", max_paths=5)[:1]
    assert chain[0].kind == RG + "SisterRelationship"
    assert chain[0].direction == "both"
    assert "— sister-province relationship —" in str(chain[0])


def test_path_as_of_a_day_keeps_what_held_and_marks_undated(letter_graph):
    chains = letter_graph.path("ug:provincie-utrecht", "DOFTEC", as_of="2015-01-01")
    assert chains and all(len(c) == 2 for c in chains)
    steps = [s for c in chains for s in c]
    assert all(s.held in ("held", "undated") for s in steps)
    assert any(s.relation == COOPERATION and s.held == "held" for s in steps)
    assert any(s.date_unknown for s in steps)
    assert MISSION not in {s.target for s in steps}


def test_no_path_is_an_empty_list(letter_graph):
    assert letter_graph.path("3DMedical Fieldlab", "DOFTEC", as_of="2015") == []


def test_path_errors(letter_graph):
    with pytest.raises(relgraph.EntityNotFoundError) as e:
        letter_graph.path("FoodValey", "DOFTEC")
    assert "FoodValley" in e.value.candidates
    with pytest.raises(relgraph.AmbiguousEntityError):
        letter_graph.path("Utrecht", "DOFTEC")
    with pytest.raises(relgraph.ParameterError, match="held on 2015-01-01"):
        letter_graph.path("FoodValley", "DOFTEC", as_of="2015-01-01")
    with pytest.raises(relgraph.ParameterError, match="same entity"):
        letter_graph.path("DOFTEC", "ug:doftec")


def test_functions_accept_a_projection(net):
    (chain,) = analysis.paths(net, "FoodValley", DOFTEC)
    assert [s.target for s in chain] == [DELEGATION, MISSION, DOFTEC]
    with pytest.raises(relgraph.ParameterError):
        analysis.paths(net, "FoodValley", DOFTEC, as_of="2015")


# ---------------------------------------------------------------------------------------------------- neighbours


def test_neighbours_of_doftec(letter_graph, net):
    df = letter_graph.neighbours("DOFTEC")
    assert set(df["neighbour_iri"]) == set(nx.all_neighbors(net, DOFTEC)) == {MISSION, GUANGDONG_GOV, COOPERATION}
    assert set(df["distance"]) == {1}
    mission = df[df["neighbour_iri"] == MISSION].iloc[0]
    assert (mission["relation"], mission["direction"], mission["kind"], mission["status"]) == \
        ("co-organised", "out", "event", "ended")


def test_neighbours_depth_two(letter_graph, net):
    rows = analysis.neighbour_rows(letter_graph, "DOFTEC", depth=2)
    assert {r["distance"] for r in rows} == {1, 2}
    second = {r["neighbour_iri"] for r in rows if r["distance"] == 2}
    assert PROVINCE in second and DELEGATION in second
    expected = set(nx.single_source_shortest_path_length(net.to_undirected(), DOFTEC, cutoff=2)) - {DOFTEC}
    assert {r["neighbour_iri"] for r in rows} == expected
    via = {r["via_iri"] for r in rows if r["neighbour_iri"] == PROVINCE}
    assert via == {COOPERATION, GUANGDONG_GOV}
    assert rows == sorted(rows, key=lambda r: (r["distance"], r["neighbour"].lower(), r["relation"].lower(),
                                               r["via"].lower()))


def test_neighbours_as_of_marks_undated(letter_graph):
    rows = analysis.neighbour_rows(letter_graph, "DOFTEC", as_of="2015-01-01")
    by = {r["neighbour_iri"]: r for r in rows}
    assert MISSION not in by
    assert by[COOPERATION]["date_unknown"] is False
    assert by[GUANGDONG_GOV]["date_unknown"] is True


# ---------------------------------------------------------------------------------------------------- ranking


def test_betweenness_puts_the_mission_first_and_the_delegation_near_the_top(letter_graph):
    df = letter_graph.rank(by="betweenness")
    assert df.iloc[0]["iri"] == MISSION
    assert DELEGATION in list(df.head(5)["iri"])
    assert list(df["score"]) == sorted(df["score"], reverse=True)


def test_degree_counts_distinct_neighbours(letter_graph, net):
    rows = analysis.rank_rows(letter_graph, by="degree")
    for r in rows:
        assert r["score"] == len(set(nx.all_neighbors(net, r["iri"])) - {r["iri"]})
    assert rows[0]["iri"] == MISSION


def test_rank_kind_and_top(letter_graph):
    rows = analysis.rank_rows(letter_graph, by="pagerank", kind="government", top=3)
    assert len(rows) == 3 and {r["kind"] for r in rows} == {"government"}
    assert [r["rank"] for r in rows] == [1, 2, 3]
    everyone = analysis.rank_rows(letter_graph, by="pagerank")
    assert sum(r["score"] for r in everyone) == pytest.approx(1.0)
    with pytest.raises(relgraph.ParameterError, match="unknown measure"):
        analysis.rank_rows(letter_graph, by="fame")
    with pytest.raises(relgraph.ParameterError, match="unknown kind"):
        analysis.rank_rows(letter_graph, kind="villain")


def test_rank_as_of_counts_undated_relations(letter_graph):
    df = letter_graph.rank(as_of="2015-01-01")
    assert MISSION not in set(df["iri"])
    assert "undated" in df.columns and df["undated"].sum() > 0
    assert "undated" not in letter_graph.rank().columns


# ---------------------------------------------------------------------------------------------------- time


def test_as_of_2015_keeps_the_doftec_cooperation_and_not_the_mission(letter_graph):
    net = letter_graph.network(as_of="2015-01-01", lang="en")
    assert net.graph["as_of"] == "2015-01-01"
    assert MISSION not in net and FOODVALLEY not in net
    (coop,) = [d for d in edges_between(net, DOFTEC, COOPERATION)]
    assert coop["held"] == "held"
    (sister,) = edges_between(net, PROVINCE, GUANGDONG_GOV)
    assert sister["held"] == "held"
    held = {d["held"] for _, _, d in net.edges(data=True)}
    assert held == {"held", "undated"}
    assert analysis.undated(net) == sum(1 for _, _, d in net.edges(data=True) if d["held"] == "undated")
    later = letter_graph.network(as_of="2017-11-01")
    assert MISSION in later and FOODVALLEY in later


def test_bad_date(letter_graph):
    with pytest.raises(relgraph.ParameterError, match="not a date"):
        letter_graph.network(as_of="soon")


# ---------------------------------------------------------------------------------------------------- command line


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_cli_path(run_letter, letter):
    result = run_letter("path", "FoodValley", "DOFTEC")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1 shortest chain of 3 relations"
    assert CHAIN in lines
    quotes = [line for line in lines if line.lstrip().startswith("“")]
    assert len(quotes) == 3 and all(q.startswith("       “") for q in quotes)
    steps = [line for line in lines if re.match(r"  \d\. ", line)]
    assert steps[2].startswith("  3. Economic mission to Guangdong 2017 ← co-organised — DOFTEC")


def test_cli_path_max_and_json(run_letter):
    capped = run_letter("path", "HKU", "Guangdong Foreign Affairs", "--max", "1", "--no-quotes")
    assert capped.exit_code == 0
    assert capped.stdout.startswith("1 shortest chain of 3 relations (at most 1 shown)")
    assert "“" not in capped.stdout
    data = json.loads(run_letter("path", "FoodValley", "DOFTEC", "-f", "json").stdout)
    assert [s["direction"] for s in data[0]] == ["forward", "forward", "backward"]


def test_cli_path_as_of_marks_undated(run_letter):
    result = run_letter("path", "ug:provincie-utrecht", "DOFTEC", "--as-of", "2015-01-01")
    assert result.exit_code == 0, result.output
    assert "date unknown" in result.stdout
    assert re.search(r"^1 relation has no known date and is shown marked 'date unknown'$", result.stdout, re.M)


def test_cli_neighbours(run_letter):
    result = run_letter("neighbours", "DOFTEC")
    assert result.exit_code == 0, result.output
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["distance", "neighbour", "kind", "relation", "direction", "via", "status", "source"]
    assert rows[-1] == "(3 rows)"
    assert any("Economic mission to Guangdong 2017" in r and "co-organised" in r for r in rows)
    assert all(r.rstrip().endswith("Letter on the results of the China mission 2017") for r in rows[:-1])
    csv_out = run_letter("neighbours", "DOFTEC", "--depth", "2", "-f", "csv").stdout.splitlines()
    assert csv_out[0].startswith("distance,neighbour,kind,relation,direction,via,status")
    data = json.loads(run_letter("neighbours", "DOFTEC", "-f", "json").stdout)
    assert {d["neighbour_iri"] for d in data} == {MISSION, GUANGDONG_GOV, COOPERATION}


def test_cli_neighbours_as_of(run_letter):
    result = run_letter("neighbours", "DOFTEC", "--as-of", "2015")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[-1] == "date"
    assert "date unknown" in result.stdout and "Economic mission" not in result.stdout
    assert result.stdout.rstrip().endswith("1 relation has no known date and is shown marked 'date unknown'")
    as_json = run_letter("neighbours", "DOFTEC", "--as-of", "2015", "-f", "json")
    assert json.loads(as_json.stdout)  # the count line goes to stderr, the JSON stays valid
    assert "no known date" in as_json.stderr


def test_cli_rank(run_letter):
    result = run_letter("rank", "--by", "betweenness", "--top", "5")
    assert result.exit_code == 0, result.output
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["rank", "label", "kind", "score"]
    assert rows[0].split()[:2] == ["1", "Economic"] and "Economic mission to Guangdong 2017" in rows[0]
    assert rows[-1] == "(5 rows)"
    assert any("Utrecht delegation 2017" in r for r in rows)
    csv_rows = run_letter("rank", "--kind", "government", "-f", "csv").stdout.splitlines()
    assert csv_rows[0] == "rank,label,kind,score,iri"
    assert all(",government," in r for r in csv_rows[1:])
    data = json.loads(run_letter("rank", "--top", "1", "-f", "json").stdout)
    assert data[0]["iri"] == MISSION and isinstance(data[0]["score"], int)


def test_cli_rank_as_of(run_letter):
    result = run_letter("rank", "--as-of", "2015-01-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["rank", "label", "kind", "score", "undated"]
    assert re.search(r"^\d+ relations have no known date and are kept", result.stdout, re.M)


@pytest.mark.parametrize("args, message", [
    (["path", "FoodValey", "DOFTEC"], "Error: no entity called 'FoodValey'; close matches: FoodValley"),
    (["neighbours", "FoodValey"], "Error: no entity called 'FoodValey'; close matches: FoodValley"),
    (["rank", "--as-of", "2015-13-01"], "Error: not a date: '2015-13-01' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
    (["path", "FoodValley", "DOFTEC", "--as-of", "next year"],
     "Error: not a date: 'next year' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
])
def test_cli_errors_are_one_line(run_letter, args, message):
    assert one_line_error(run_letter(*args)) == message


def test_cli_ambiguous_name_lists_candidates(run_letter):
    line = one_line_error(run_letter("path", "Utrecht", "DOFTEC"))
    assert line.startswith("Error: 'Utrecht' is ambiguous: it could be ")
    assert "Utrecht Marketing (ug:utrecht-marketing)" in line and "Utrecht (province) (ug:utrecht)" in line


def test_api_accepts_years_and_number_text_and_refuses_other_types(letter_graph):
    assert letter_graph.path(PROVINCE, DOFTEC, as_of=2015) == letter_graph.path(PROVINCE, DOFTEC, as_of="2015")
    assert sorted(letter_graph.network(as_of=2015).edges) == sorted(letter_graph.network(as_of="2015").edges)
    assert letter_graph.neighbours("DOFTEC", depth="2").equals(letter_graph.neighbours("DOFTEC", depth=2))
    assert len(letter_graph.path("HKU", "Guangdong Foreign Affairs", max_paths="2")) == 2
    assert len(letter_graph.rank(top="3")) == 3
    for bad in (2015.0, ["2015"], True):
        with pytest.raises(relgraph.ParameterError, match="^as_of must be a date, a year or text"):
            letter_graph.path(PROVINCE, DOFTEC, as_of=bad)
        with pytest.raises(relgraph.ParameterError, match="^as_of must be"):
            letter_graph.network(as_of=bad)
    for bad in ("two", 2.5, 0, True, None):
        with pytest.raises(relgraph.ParameterError, match=r"^depth must be a whole number 1 or more, not "):
            letter_graph.neighbours("DOFTEC", depth=bad)
    with pytest.raises(relgraph.ParameterError, match="^max_paths must be a whole number"):
        letter_graph.path(PROVINCE, DOFTEC, max_paths="many")
    with pytest.raises(relgraph.ParameterError, match="^top must be a whole number"):
        letter_graph.rank(top=1.5)


def test_betweenness_with_igraph_agrees_with_networkx_on_the_seed(seed):
    import networkx as nx

    from relgraph.network import project, undirected
    from relgraph.network.centrality import betweenness

    simple = undirected(project(seed))
    exact = nx.betweenness_centrality(simple)
    computed = betweenness(simple)
    assert computed.method == "exact (igraph)" and computed.exact
    assert max(abs(computed.values[n] - exact[n]) for n in simple) < 1e-9


def test_betweenness_loads_only_igraphs_core_and_igraph_still_imports_after():
    import subprocess
    import sys

    script = ("import sys, networkx as nx\n"
              "from relgraph.network.centrality import betweenness\n"
              "s = betweenness(nx.path_graph(4))\n"
              "print(s.method, 'igraph' in sys.modules, 'matplotlib' in sys.modules)\n"
              "import igraph\n"
              "print(igraph.Graph(n=3, edges=[(0, 1), (1, 2)]).betweenness())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["exact (igraph) False False", "[0.0, 1.0, 0.0]"]


def test_betweenness_beyond_its_budget_is_estimated_and_says_so(seed):
    import networkx as nx

    from relgraph.network import project, undirected
    from relgraph.network.centrality import betweenness

    simple = undirected(project(seed))
    exact = nx.betweenness_centrality(simple)
    estimate = betweenness(simple, budget=simple.number_of_nodes() * simple.number_of_edges() // 3)
    assert not estimate.exact and estimate.method.startswith("estimated from ")
    top = max(exact, key=exact.get)
    assert max(estimate.values, key=estimate.values.get) == top
    assert abs(estimate.values[top] - exact[top]) / exact[top] < 0.25
