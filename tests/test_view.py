"""The network view without a browser: what goes into the page, escaping, presets, the CLI and the View object."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.errors import AmbiguousEntityError, EntityNotFoundError, ParameterError
from relgraph.languages import table, ui
from relgraph.network import project
from relgraph.view import View
from relgraph.view.bundle import page_script
from relgraph.view.page import script_json
from relgraph.view.presets import load as load_presets

from .conftest import QUERIES

PRESETS = load_presets(QUERIES)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
UG = "https://w3id.org/relgraph/utrecht-guangdong/"


@pytest.fixture(scope="module")
def g() -> relgraph.Dataset:
    return relgraph.open(DATA)


@pytest.fixture(scope="module")
def page(g: relgraph.Dataset) -> View:
    return g.view()


def embedded(v: View) -> dict:
    m = re.search(r'<script type="application/json" id="relgraph-data">(.*?)</script>', v.html, re.S)
    assert m
    return json.loads(m.group(1))


def test_page_is_self_contained(page: View) -> None:
    text = page.html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", text, re.I)
    assert not re.search(r"cdn\.|cdnjs|unpkg|jsdelivr", text, re.I)
    assert "bootstrap" not in text.lower() and "tom-select" not in text.lower()
    assert "vis.Network" in text and "default-src 'none'" in text


def test_page_draws_the_projection(g: relgraph.Dataset, page: View) -> None:
    net = project(g)
    data = embedded(page)
    assert {n["id"] for n in data["nodes"]} == set(net.nodes)
    assert len(data["edges"]) == net.number_of_edges()
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(u, v) for u, v in net.edges()}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    kinds = {k["key"] for k in data["kinds"]}
    assert {"government", "unnamed", "theme", "place", "event", "agreement"} <= kinds
    assert data["themes"] and data["years"][0] <= 1995


def test_line_styles_follow_status(page: View) -> None:
    lines = {e.get("status"): e["line"] for e in embedded(page)["edges"]}
    assert lines["Active"] == "active" and lines["Ended"] == "ended"
    assert lines["Considered"] == "intended" and lines["InPreparation"] == "intended"
    assert lines[None] == "link"


def test_labels_in_chosen_language_fall_back_to_english(g: relgraph.Dataset) -> None:
    zh = {n["id"]: n["label"] for n in embedded(g.view(lang="zh"))["nodes"]}
    assert zh[UG + "guangdong"] == "广东省"
    assert zh[UG + "doftec"] == "DOFTEC"
    assert zh[UG + "mission-2017"] == "Economic mission to Guangdong 2017"
    nl = {n["id"]: n["label"] for n in embedded(g.view(lang="nl"))["nodes"]}
    assert nl[UG + "gedeputeerde-staten"] == "Gedeputeerde Staten van Utrecht"


def test_focus_keeps_the_neighbourhood(g: relgraph.Dataset) -> None:
    one = embedded(g.view(focus="DOFTEC"))
    two = embedded(g.view(focus="ug:doftec", depth=2))
    assert UG + "doftec" in {n["id"] for n in one["nodes"]} and one["focus"] == UG + "doftec"
    assert len(one["nodes"]) < len(two["nodes"]) < len(embedded(g.view())["nodes"])
    with pytest.raises(EntityNotFoundError):
        g.view(focus="no such thing at all")
    with pytest.raises(AmbiguousEntityError):
        g.view(focus="Utrecht")


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets(g: relgraph.Dataset, name: str) -> None:
    v = g.view(preset=name)
    assert v.title == PRESETS[name].title and v.nodes > 0
    assert g.view(preset=name, lang="nl").title == PRESETS[name].titles["nl"] != PRESETS[name].title
    with pytest.raises(ParameterError):
        g.view(preset="nope")


def test_agreements_preset(g: relgraph.Dataset) -> None:
    data = embedded(g.view(preset="agreements"))
    ids = {n["id"] for n in data["nodes"]}
    assert {UG + "cooperation-doftec-2013", UG + "provincie-utrecht", UG + "guangdong-government"} <= ids
    assert UG + "theme-gaming" not in ids


def test_query_views(tmp_path: Path, letter_data: Path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "units.rq").write_text(
        "# title: Units and what they belong to\n"
        "CONSTRUCT { ?unit org:unitOf ?whole } WHERE { ?unit org:unitOf ?whole }\n", encoding="utf-8")
    (queries / "posts.rq").write_text(
        "# title: Posts\nSELECT ?source ?relation ?target WHERE { ?source org:postIn ?target "
        "BIND(org:postIn AS ?relation) }\n", encoding="utf-8")
    (queries / "count.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    g = relgraph.open(letter_data, queries=queries)  # the letter names five posts; other sources may add more
    units = embedded(g.view(query="units"))
    assert {(e["from"], e["to"]) for e in units["edges"]} >= {(UG + "doftec", UG + "guangdong-government")}
    assert all(e["label"] == "unit of" for e in units["edges"])
    posts = embedded(g.view(query="posts"))
    assert len(posts["edges"]) == 5 and all(e.get("quote") for e in posts["edges"])
    with pytest.raises(relgraph.ExportError):
        g.view(query="count")


def test_as_of_marks_undated(g: relgraph.Dataset) -> None:
    data = embedded(g.view(as_of="2000"))
    assert data["as_of"] == "2000"
    helds = {e.get("held") for e in data["edges"]}
    assert "undated" in helds
    assert all(not e.get("start") or e["start"] <= "2000-12-31" for e in data["edges"] if e.get("held") == "held")


def test_script_json_cannot_close_the_script() -> None:
    text = script_json({"a": "</script><script>x</script>", "b": "\u2028\u2029&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["a"] == "</script><script>x</script>"


def test_hostile_title_is_escaped(g: relgraph.Dataset) -> None:
    v = g.view(focus="DOFTEC", title='</title><script>window.__pwned=1</script>')
    assert "<script>window.__pwned" not in v.html
    assert "&lt;/title&gt;&lt;script&gt;" in v.html


def test_view_object(g: relgraph.Dataset, tmp_path: Path) -> None:
    v = g.view(focus="DOFTEC")
    shown = v._repr_html_()  # a light view (outside IPython, with the library): see test_notebook_views.py
    assert 'class="relgraph-view"' in shown and 'class="relgraph-library"' in shown
    bare = relgraph.view.View(html=v.html, title=v.title, nodes=v.nodes, edges=v.edges)  # no data: the whole page
    frame = bare._repr_html_()
    assert frame.startswith("<iframe srcdoc=\"") and 'sandbox="allow-scripts"' in frame
    attrs = re.sub(r'srcdoc="[^"]*"', "", frame)
    assert " src=" not in attrs and "allow-same-origin" not in attrs
    assert html.unescape(frame.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]) == v.html
    out = v.save(tmp_path / "deep" / "er" / "doftec.html")
    assert out.read_text(encoding="utf-8") == v.html
    assert [p.name for p in out.parent.iterdir()] == ["doftec.html"]  # no temporary file left behind
    g.view(tmp_path / "direct.html", focus="DOFTEC")
    assert (tmp_path / "direct.html").stat().st_size > 100_000


def test_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "views" / "relationship.html"
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", str(out), "--lang", "nl"])
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == str(out) and out.exists()
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", str(tmp_path / "f.html"), "--focus", "DOFTEC",
                            "--depth", "2", "--as-of", "2017-11-01", "--title", "DOFTEC"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["--data", str(DATA), "view", "--list"])
    assert r.exit_code == 0 and all(name in r.output for name in PRESETS)
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", str(tmp_path / "x.html"), "--focus", "Nowhere-ish"])
    assert r.exit_code == 2 and "no entity called" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", str(tmp_path / "x.html"), "--preset", "nope"])
    assert r.exit_code == 2 and "no preset" in r.output


def test_save_writes_through_a_symlink_and_keeps_the_mode(g: relgraph.Dataset, tmp_path: Path) -> None:
    v = g.view(focus="DOFTEC")
    real = tmp_path / "priv.html"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    assert v.save(link) == link
    assert link.is_symlink() and real.read_text(encoding="utf-8") == v.html
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(relgraph.ExportError, match="is not a regular file"):
        v.save(fifo)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "pipe.html", "priv.html"]


def test_cli_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "priv.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    r = CliRunner().invoke(cli, ["--data", str(DATA), "view", "-o", str(out), "--focus", "DOFTEC"])
    assert r.exit_code == 0, r.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.stat().st_size > 100_000


def test_cli_output_into_a_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", f"{tmp_path}/newdir/"])
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == str(tmp_path / "newdir" / "relationship.html")
    assert (tmp_path / "newdir").is_dir() and (tmp_path / "newdir" / "relationship.html").is_file()
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", str(tmp_path / "newdir"), "--focus", "DOFTEC"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "newdir" / "focus-doftec.html").is_file()
    assert relgraph.open(DATA).view(preset="agreements").save(tmp_path) == tmp_path / "agreements.html"


def test_cli_output_to_stdout_and_empty_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", "-", "--focus", "DOFTEC"])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("<!DOCTYPE html>") and r.stdout.rstrip().endswith("</html>")
    r = runner.invoke(cli, ["--data", str(DATA), "view", "-o", ""])
    assert r.exit_code == 2 and r.stderr == "Error: empty output path: give a file name\n"
    assert list(tmp_path.iterdir()) == []


def test_depth_and_as_of_of_other_types(g: relgraph.Dataset) -> None:
    assert embedded(g.view(focus="DOFTEC", depth="2"))["nodes"] == embedded(g.view(focus="DOFTEC", depth=2))["nodes"]
    for bad in ("two", 2.5, 11, -1, True, None):
        with pytest.raises(ParameterError, match=r"^depth must be a whole number from 0 to 10, not "):
            g.view(focus="DOFTEC", depth=bad)
    year = embedded(g.view(as_of=2000))
    assert year["as_of"] == "2000" and year["edges"] == embedded(g.view(as_of="2000"))["edges"]
    assert embedded(g.view(as_of=dt.datetime(2000, 1, 1, 12)))["as_of"] == "2000-01-01"
    with pytest.raises(ParameterError, match="as_of must be"):
        g.view(as_of=2000.0)


def test_csp_runs_only_the_page_scripts(page: View) -> None:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page.html)
    assert m
    policy = dict(d.strip().split(" ", 1) for d in m.group(1).split(";"))
    assert policy["default-src"] == "'none'" and policy["style-src"] == "'unsafe-inline'"
    scripts = re.findall(r"<script>(.*?)</script>", page.html, re.S)
    assert len(scripts) == 2 and "vis-network" in scripts[0] and page_script() in scripts[1]
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts}
    assert set(policy["script-src"].split()) == hashes  # those two scripts, nothing inline else, no eval
    outside = re.sub(r"<script>.*?</script>", "", page.html, flags=re.S)
    assert re.findall(r"<script\b[^>]*>", outside) == [
        '<script type="application/json" id="relgraph-data">']


def test_words_come_from_the_shared_table(g: relgraph.RelGraph, page: View) -> None:
    assert embedded(page)["ui"] == ui("en")
    nl = embedded(g.view(lang="nl"))
    assert nl["ui"] == ui("nl") and nl["ui"]["reset"] == "Beeld herstellen"
    assert {li["key"]: li["label"] for li in nl["lines"]}["ended"] == table()["lines"]["ended"]["nl"] == "beëindigd"
    assert embedded(g.view(lang="zh"))["ui"]["reset"] == "重置视图"
    script = page_script()
    assert "Beeld herstellen" not in script and "重置视图" not in script and "Reset view" not in script
