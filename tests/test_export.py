"""Exports read back by real readers: networkx for GraphML and GEXF, rdflib for JSON-LD, the csv module for CSV."""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.util import guess_format

import relgraph
from relgraph.export import EDGE_COLUMNS, NODE_COLUMNS, csv_paths, xml_text
from relgraph.fileio import write_text
from relgraph.namespaces import PREFIXES
from relgraph.network import project
from relgraph.timespan import span

from .conftest import DATA, UG, lower_langs

DOFTEC, MISSION, SISTER = UG + "doftec", UG + "mission-2017", UG + "sister-relationship"
PROVINCE, GUANGDONG_GOV, GUANGDONG = UG + "provincie-utrecht", UG + "guangdong-government", UG + "guangdong"


@pytest.fixture(scope="module")
def net(seed):
    return project(seed)


def sister_edges(g: nx.MultiDiGraph) -> list[dict]:
    return [d for _, _, d in g.edges(data=True) if d.get("relation") == SISTER]


def files_graph(g: relgraph.Dataset) -> rdflib.Graph:
    """Every triple of the dataset's files, as rdflib reads them on its own."""
    out = rdflib.Graph()
    for f in g.files:
        out.parse(f, format=guess_format(str(f)))
    return lower_langs(out)


def no_temp_files(folder) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_graphml(run, seed, net, tmp_path):
    out = tmp_path / "relationship.graphml"
    result = run("export", "--format", "graphml", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(out) in result.stderr
    back = nx.read_graphml(out)
    assert back.number_of_nodes() == net.number_of_nodes()
    assert back.number_of_edges() == net.number_of_edges()
    assert back.nodes[DOFTEC]["kind"] == "government"
    assert back.nodes[DOFTEC]["label_nl"] == "DOFTEC"
    assert back.nodes[MISSION]["alt_labels"] == " | ".join(net.nodes[MISSION]["alt_labels"])
    (sister,) = sister_edges(back)
    (projected,) = sister_edges(net)
    assert sister["start"] == "1995" and sister.get("end") == projected["end"]
    assert all(not isinstance(v, (list, dict)) for _, d in back.nodes(data=True) for v in d.values())
    assert no_temp_files(tmp_path)


def test_gexf_has_time_intervals(run, net, tmp_path):
    out = tmp_path / "relationship.gexf"
    assert run("export", "-f", "gexf", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(out)
    assert back.graph["mode"] == "dynamic"
    assert back.number_of_nodes() == net.number_of_nodes()
    assert back.number_of_edges() == net.number_of_edges()
    assert back.nodes[DOFTEC]["label"] == "DOFTEC" and back.nodes[DOFTEC]["kind"] == "government"
    (sister,) = sister_edges(back)
    assert sister["start"] == "1995-01-01" and sister["start_given"] == "1995"
    end = sister_edges(net)[0]["end"]
    assert sister.get("end") == (span(end)[1].isoformat() if end else None)
    assert sister.get("end_given") == end
    mission = back.nodes[MISSION]
    assert (mission["start"], mission["end"]) == ("2017-10-28", "2017-11-04")
    coop = [d for u, v, d in back.edges(data=True) if u == DOFTEC and d["label"] == "party"]
    assert coop and coop[0]["start"] == "2013-11-01"


def test_gexf_to_stdout_and_as_of(run, seed):
    whole = run("export", "-f", "gexf")
    assert whole.exit_code == 0 and whole.stdout.startswith("<?xml")
    then = run("export", "-f", "gexf", "--as-of", "2015")
    assert then.exit_code == 0
    assert MISSION in whole.stdout and f'id="{MISSION}"' not in then.stdout
    assert 'title="held"' in then.stdout


def test_jsonld_round_trips_every_triple(run, seed, tmp_path):
    result = run("export", "-f", "jsonld")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    context = doc["@context"]
    assert isinstance(context, dict) and context
    assert all(PREFIXES[p] == ns for p, ns in context.items())
    back = rdflib.Graph().parse(data=result.stdout, format="json-ld")
    assert isomorphic(lower_langs(back), files_graph(seed))
    out = tmp_path / "graph.jsonld"
    assert seed.export("jsonld", out) == [out]
    assert isomorphic(lower_langs(rdflib.Graph().parse(out, format="json-ld")), files_graph(seed))


def test_csv_into_a_folder(run, seed, net, tmp_path):
    folder = tmp_path / "out"
    result = run("export", "-f", "csv", "-o", f"{folder}/")
    assert result.exit_code == 0, result.output
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.reader(f))
    with open(folder / "edges.csv", newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert nodes[0] == NODE_COLUMNS
    assert len(nodes) - 1 == net.number_of_nodes()
    assert len(edges) == net.number_of_edges()
    by_id = {row[0]: dict(zip(nodes[0], row)) for row in nodes[1:]}
    assert by_id[DOFTEC]["kind"] == "government" and by_id[DOFTEC]["label"] == "DOFTEC"
    wikidata = str(seed.query(f"SELECT ?w WHERE {{ <{GUANGDONG}> schema:sameAs ?w }}").column("w")[0])
    assert by_id[GUANGDONG]["wikidata"] == wikidata
    assert by_id[GUANGDONG]["label_zh"] == net.nodes[GUANGDONG]["labels"]["zh"]
    assert list(edges[0]) == EDGE_COLUMNS
    (sister,) = [e for e in edges if e["relation_iri"] == SISTER]
    assert {sister["source"], sister["target"]} == {PROVINCE, GUANGDONG_GOV}
    (projected,) = sister_edges(net)
    assert sister["start"] == "1995" and sister["end"] == (projected["end"] or "")
    assert sister["status"] == projected["status_label"]
    assert sister["quote"] == sister_edges(net)[0]["quote"]
    assert no_temp_files(folder)


def test_csv_with_a_name(seed, tmp_path):
    written = seed.export("csv", tmp_path / "ug.csv", as_of="2015-01-01")
    assert [p.name for p in written] == ["ug-nodes.csv", "ug-edges.csv"]
    with open(written[1], newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert {e["held"] for e in edges} == {"held", "undated"}
    assert MISSION not in {e["target"] for e in edges}


def test_csv_paths():
    assert [p.name for p in csv_paths("a/b")] == ["b-nodes.csv", "b-edges.csv"]
    assert [str(p) for p in csv_paths("a/")] == ["a/nodes.csv", "a/edges.csv"]


def test_python_export_returns_text(seed):
    text = seed.export("graphml")
    assert text.startswith("<?xml") and "<graphml" in text
    with pytest.raises(relgraph.ParameterError, match="unknown export format"):
        seed.export("xlsx")
    with pytest.raises(relgraph.ParameterError, match="two files"):
        seed.export("csv")
    with pytest.raises(relgraph.ParameterError, match="network formats"):
        seed.export("jsonld", as_of="2015")


def test_write_atomic_replaces_and_cleans_up(tmp_path):
    target = tmp_path / "x.gexf"
    target.write_text("old", encoding="utf-8")
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert no_temp_files(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(relgraph.ExportError, match="cannot write"):
        write_text(blocker / "x.gexf", "text")


def test_cli_export_errors(run, tmp_path):
    missing = run("export", "-f", "csv")
    assert missing.exit_code == 2 and "csv writes two files" in missing.stderr
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    failed = run("export", "-f", "gexf", "-o", str(blocker / "x.gexf"))
    assert failed.exit_code == 2
    assert failed.stderr.strip().splitlines()[0].startswith(f"Error: {blocker / 'x.gexf'}: cannot write")


# ---------------------------------------------------------------------------------------------- where files go


def test_cli_export_writes_through_a_symlink(run, tmp_path):
    real = tmp_path / "real.gexf"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.gexf"
    link.symlink_to(real)
    result = run("export", "-f", "gexf", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and nx.read_gexf(real).number_of_nodes() > 0
    assert no_temp_files(tmp_path)


def test_cli_export_refuses_a_pipe_or_a_link_to_one(run, tmp_path):
    fifo = tmp_path / "pipe.gexf"
    os.mkfifo(fifo)
    link = tmp_path / "null.gexf"
    link.symlink_to(fifo)
    for target in (fifo, link):
        result = run("export", "-f", "gexf", "-o", str(target))
        assert result.exit_code == 2
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"Error: {target}") and "is not a regular file (a named pipe)" in line
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()
    assert no_temp_files(tmp_path)


def test_failed_csv_export_leaves_the_pair_untouched(run, tmp_path):
    folder = tmp_path / "out" / "c"
    (folder / "edges.csv").mkdir(parents=True)
    (folder / "nodes.csv").write_text("OLD\n", encoding="utf-8")
    result = run("export", "-f", "csv", "-o", f"{folder}/")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {folder / 'edges.csv'} is not a regular file (a folder); give a file name\n"
    assert (folder / "nodes.csv").read_text(encoding="utf-8") == "OLD\n"
    assert no_temp_files(folder)


def test_export_keeps_the_mode_of_an_existing_file(seed, tmp_path):
    out = tmp_path / "priv.graphml"
    out.write_text("", encoding="utf-8")
    out.chmod(0o600)
    seed.export("graphml", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.stat().st_size > 0


def test_cli_export_empty_dash_and_folder_outputs(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for fmt in ("csv", "gexf"):
        empty = run("export", "-f", fmt, "-o", "")
        assert empty.exit_code == 2 and empty.stderr == "Error: empty output path: give a file name\n"
    dash = run("export", "-f", "graphml", "-o", "-")
    assert dash.exit_code == 0 and dash.stdout.startswith("<?xml") and "<graphml" in dash.stdout
    csv_dash = run("export", "-f", "csv", "-o", "-")
    assert csv_dash.exit_code == 2 and "csv writes two files, so not to stdout" in csv_dash.stderr
    folder = run("export", "-f", "gexf", "-o", "new/")
    assert folder.exit_code == 2 and "names a folder" in folder.stderr
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(relgraph.ExportError, match="empty output path"):
        relgraph.open(DATA).export("jsonld", "")


# ---------------------------------------------------------------------------------------------- XML and inputs


def test_xml_exports_stay_well_formed_with_control_characters(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("sources"))
    (data / "zz-control.ttl").write_text(
        "@prefix ug: <https://w3id.org/relgraph/utrecht-guangdong/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'ug:doftec skos:altLabel "Bell\\u0007 and\\u0001 start" .\n', encoding="utf-8")
    g = relgraph.open(data)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = g.export(fmt, tmp_path / f"x.{fmt}")[0]
        back = read(out)
        assert "Bell\ufffd and\ufffd start" in back.nodes[DOFTEC]["alt_labels"]
    assert xml_text("a\u0001b\tc\ud800\uffff\U0001f600") == "a\ufffdb\tc\ufffd\ufffd\U0001f600"


def test_export_checks_its_inputs(seed):
    with pytest.raises(relgraph.ParameterError, match="^unknown language 'fr'; choose one of en, nl, zh$"):
        seed.export("gexf", lang="fr")
    with pytest.raises(relgraph.ParameterError, match="as_of must be"):
        seed.export("gexf", as_of=2015.5)
    assert seed.export("gexf", as_of=2015) == seed.export("gexf", as_of="2015")
