"""The view's pure logic (search, filters, styles, the time range, the timeline strip's lanes) as real ES modules in headless Chromium.

A local http.server on 127.0.0.1 (a free port) serves src/relgraph/view/js and a small test page that imports the
modules with ``<script type="module">``, as a browser loads them one by one (not the page's bundle). Each test
calls the module functions on a small data set made here and asserts their answers.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
JS = Path(__file__).resolve().parents[1] / "src" / "relgraph" / "view" / "js"

if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

TEST_PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>view modules</title></head><body>
<script type="module">
import * as filters from "./filters.js";
import * as highlight from "./highlight.js";
import * as lanes from "./lanes.js";
import * as legend from "./legend.js";
import * as model from "./model.js";
import * as search from "./search.js";
import * as style from "./style.js";
import * as time from "./time.js";
window.m = { filters, highlight, lanes, legend, model, search, style, time };
window.loaded = true;
</script>
</body></html>
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """The module folder, plus the test page at /test.html; nothing logged."""

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
        elif self.path == "/test.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(TEST_PAGE)))
            self.end_headers()
            self.wfile.write(TEST_PAGE)
        else:
            super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(JS)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        pg.goto(f"{server}/test.html")
        pg.wait_for_function("window.loaded === true", timeout=10_000)
        yield pg
        assert not errors, errors
        browser.close()


def node(id: str, label: str, kind: str = "organisation", **more: Any) -> dict[str, Any]:
    return {"id": id, "label": label, "kind": kind, "labels": more.pop("labels", {"en": label}), **more}


def edge(id: str, a: str, b: str, **more: Any) -> dict[str, Any]:
    return {"id": id, "from": a, "to": b, "label": more.pop("label", "knows"), "line": "link", **more}


#: A small network: Utrecht and Guangdong with Dutch and Chinese names, themes, dated and undated relations.
DATA: dict[str, Any] = {
    "kinds": [{"key": k, "label": k, "color": "#123456", "shape": "dot", "size": 12}
              for k in ("government", "organisation", "event", "theme")],
    "themes": [{"id": "green", "label": "Green"}, {"id": "horti", "label": "Greenhouse horticulture"},
               {"id": "healthy", "label": "Healthy"}],
    "nodes": [
        node("gd", "Guangdong Province", "government", labels={"en": "Guangdong Province", "zh": "广东省"}),
        node("gs", "Provincial Executive of Utrecht", "government",
             labels={"en": "Provincial Executive of Utrecht", "nl": "Gedeputeerde Staten van Utrecht"}),
        node("ut", "Utrecht", "government"),
        node("ur", "Utrecht Region", "government"),
        node("pu", "Province of Utrecht", "government", alt=["Provincie Utrecht"]),
        node("doftec", "DOFTEC", "organisation"),
        node("mission", "Economic mission 2017", "event", start="2017-10-28", end="2017-11-04"),
        node("green", "Green", "theme", themes=["green"]),
        node("horti", "Greenhouse horticulture", "theme", themes=["green", "horti"]),
        node("healthy", "Healthy", "theme", themes=["healthy"]),
        node("hortico", "Horti company", "organisation", themes=["green", "horti"]),
        node("care", "Care company", "organisation", themes=["healthy"]),
        node("alone", "Lonely body", "organisation"),
    ],
    "edges": [
        edge("sister", "gd", "pu", start="1995", label="sister province of"),
        edge("sister2", "pu", "gd", start="1995", label="partner of"),
        edge("unit", "doftec", "gd", label="unit of"),  # undated
        edge("took-part", "gs", "mission", start="2017-10-28", end="2017-11-04"),
        edge("ended", "ut", "ur", start="2001", end="2010"),
        edge("later", "ur", "gs", start="2020"),
        edge("hc", "hortico", "pu"),
        edge("cc", "care", "pu"),
    ],
}


def js(page: Any, body: str, arg: Any = None) -> Any:
    """Run ``body`` (a function body that may use ``m``, the modules, ``data`` and ``arg``) in the page."""
    return page.evaluate(f"([data, arg]) => {{ const m = window.m; {body} }}", [DATA, arg])


def shown(page: Any, change: str = "") -> dict[str, list[str]]:
    """The ids shown for the filter state with everything on, after ``change`` (JS acting on ``state``)."""
    return js(page, f"""
        const model = m.model.buildModel(data);
        const state = m.filters.allOn(data);
        {change}
        const v = m.filters.visible(model, state);
        return {{ nodes: [...v.nodes].sort(), edges: [...v.edges].sort() }};""")


ALL_NODES = sorted(n["id"] for n in DATA["nodes"])
ALL_EDGES = sorted(e["id"] for e in DATA["edges"])


def find(page: Any, query: str) -> list[str]:
    return js(page, "return m.search.find(m.search.searchIndex(data.nodes), arg);", query)


@pytest.mark.parametrize(("query", "expected"), [
    ("广东省", ["gd"]),                       # a Chinese name, whole
    ("广东", ["gd"]),                         # the start of it
    ("gedeputeerde staten", ["gs"]),          # a Dutch name, any case
    ("GEDEPUTEERDE Staten van Utrecht", ["gs"]),
    ("Provincie Utrecht", ["pu"]),            # an alternative name
    ("ＤＯＦＴＥＣ", ["doftec"]),               # full-width letters (NFKC)
    ("  doftec  ", ["doftec"]),
    ("no such name", []),
    ("   ", []),
])
def test_search_matches_names_in_any_language(page: Any, query: str, expected: list[str]) -> None:
    assert find(page, query) == expected


def test_search_ranks_whole_then_start_then_part(page: Any) -> None:
    # whole name first, then names that start with it (shorter first), then names that contain it (shorter first)
    assert find(page, "utrecht") == ["ut", "ur", "pu", "gs"]
    assert js(page, "return m.search.find(m.search.searchIndex(data.nodes), 'utrecht', 2);") == ["ut", "ur"]
    assert js(page, "return [m.search.matchRank('abc', 'abc'), m.search.matchRank('abcd', 'abc'), "
                    "m.search.matchRank('xabc', 'abc'), m.search.matchRank('xyz', 'abc')];") == [0, 1, 2, None]


def test_everything_on_shows_everything(page: Any) -> None:
    assert shown(page) == {"nodes": ALL_NODES, "edges": ALL_EDGES}


def test_kind_off_hides_its_entities_and_their_relations(page: Any) -> None:
    v = shown(page, "state.kinds.delete('event');")
    assert "mission" not in v["nodes"] and "took-part" not in v["edges"]
    assert set(v["nodes"]) == set(ALL_NODES) - {"mission"}
    assert set(v["edges"]) == set(ALL_EDGES) - {"took-part"}


def test_themes(page: Any) -> None:
    only_green = shown(page, "state.themes = new Set(['green', 'horti']);")
    assert {"green", "horti", "hortico"} <= set(only_green["nodes"])
    assert not {"healthy", "care"} & set(only_green["nodes"]) and "cc" not in only_green["edges"]
    # a narrower theme counts only while its broader theme is on too
    horti_only = shown(page, "state.themes = new Set(['horti', 'healthy']);")
    assert not {"green", "horti", "hortico"} & set(horti_only["nodes"])
    assert {"healthy", "care"} <= set(horti_only["nodes"])
    # ticking a theme on again shows it again; entities without themes are never hidden by themes
    again = shown(page, "state.themes = new Set(); state.themes.add('healthy');")
    assert {"healthy", "care", "gd", "doftec", "alone"} <= set(again["nodes"])
    assert js(page, "const model = m.model.buildModel(data);"
                    "return [m.filters.themeOn(model, new Set(['green', 'horti']), 'horti'),"
                    "        m.filters.themeOn(model, new Set(['horti']), 'horti')];") == [True, False]


def test_time_hides_what_had_not_started_or_had_ended(page: Any) -> None:
    v1990 = shown(page, "state.year = 1990;")
    assert not {"sister", "sister2"} & set(v1990["edges"])  # not yet started (1995)
    assert "unit" in v1990["edges"]  # undated: kept
    assert "mission" not in v1990["nodes"]  # a dated entity by its own dates
    v2015 = shown(page, "state.year = 2015;")
    assert "ended" not in v2015["edges"]  # 2001-2010: ended
    assert "ut" not in v2015["nodes"]  # undated, and its only relation is out of time
    assert {"sister", "sister2", "unit", "hc", "cc"} <= set(v2015["edges"])
    assert "alone" in v2015["nodes"]  # undated without relations: kept
    v2017 = shown(page, "state.year = 2017;")
    assert "mission" in v2017["nodes"] and "took-part" in v2017["edges"]
    assert "later" not in v2017["edges"] and "later" in shown(page, "state.year = 2024;")["edges"]
    assert js(page, "return [m.filters.yearOf('2017-10-28'), m.filters.yearOf('-0044'), m.filters.yearOf(''),"
                    "        m.filters.inYear({start: '2001', end: '2010'}, 2010)];") == [2017, 44, None, True]


def test_undated_relations_are_faded_and_marked_while_time_is_on(page: Any) -> None:
    items = js(page, """
        const model = m.model.buildModel(data);
        const ui = { undated: "date unknown" };
        const on = m.style.edgeItems(model, ui, true), off = m.style.edgeItems(model, ui, false);
        return [on.find((e) => e.id === 'unit'), off.find((e) => e.id === 'unit'), on.find((e) => e.id === 'sister')];""")
    marked, plain, dated = items
    assert marked["label"] == "unit of (date unknown)" and marked["color"]["opacity"] == 0.35
    assert plain["label"] == "unit of" and plain["color"]["opacity"] == 1
    assert dated["label"] == "sister province of" and dated["color"]["opacity"] == 1


def test_time_runs_start_afresh(page: Any) -> None:
    """What pairSeen did: parallel relations get curves 1..n every time the relations are restyled (the time
    control restyles them when it turns on and off), never continuing from the run before."""
    runs = js(page, """
        const model = m.model.buildModel(data);
        const ui = { undated: "date unknown" };
        const curves = (marked) => m.style.edgeItems(model, ui, marked)
          .filter((e) => e.id.startsWith('sister')).map((e) => [e.id, e.smooth]);
        return [curves(false), curves(true), curves(false), curves(true)];""")
    assert runs[0] == runs[1] == runs[2] == runs[3]
    assert runs[0] == [["sister", {"type": "curvedCW", "roundness": 0.12}],
                       ["sister2", {"type": "curvedCCW", "roundness": pytest.approx(0.26)}]]
    # and the filter itself keeps nothing between runs: on, off and on again gives what it gave the first time
    assert shown(page, "state.year = 2015; m.filters.visible(model, state); state.year = null;") == shown(page)
    first = shown(page, "state.year = 2015;")
    assert shown(page, "state.year = 1990; m.filters.visible(model, state); state.year = 2015;") == first


def test_single_relations_are_straight_and_big_graphs_unlabelled(page: Any) -> None:
    items = js(page, """
        const model = m.model.buildModel({ ...data, big: true });
        const plain = m.style.edgeItems(m.model.buildModel(data), {}, false).find((e) => e.id === 'unit');
        return [plain.smooth, m.style.edgeItems(model, {}, false).map((e) => [e.label, e.smooth])];""")
    assert items[0] is False
    assert all(label is None and smooth is False for label, smooth in items[1])


def test_labels_and_themes_order(page: Any) -> None:
    assert js(page, "return [m.style.shortLabel('short'), m.style.shortLabel(arg)];",
              "Provincial Executive of the province of Utrecht in the Netherlands") == [
        "short", "Provincial Executive of the province of…"]
    order = js(page, "return m.legend.themeOrder(m.model.buildModel(data), data.themes).map((t) => t.id);")
    assert order == ["green", "horti", "healthy"]


def test_time_range(page: Any) -> None:
    assert js(page, "return [m.time.timeRange([1995, 2017], null), m.time.timeRange([1995, 2017], '2000-06-01'),"
                    "        m.time.timeRange([1995, 2017], '2030'), m.time.timeRange(null, '2000')];") == [
        {"min": 1995, "max": 2017, "start": 2017}, {"min": 1995, "max": 2017, "start": 2000},
        {"min": 1995, "max": 2030, "start": 2030}, None]


def test_highlight_lights_an_entity_its_relations_and_neighbours(page: Any) -> None:
    lit = js(page, """
        const model = m.model.buildModel(data);
        const sets = (x) => x && { nodes: [...x.nodes].sort(), edges: [...x.edges].sort() };
        return [sets(m.highlight.around(model, { node: 'pu' })), sets(m.highlight.around(model, { edge: 'unit' })),
                sets(m.highlight.around(model, { node: 'alone' })), m.highlight.around(model, { node: 'nope' }),
                m.highlight.around(model, { edge: 'nope' })];""")
    assert lit[0] == {"nodes": ["care", "gd", "hortico", "pu"], "edges": ["cc", "hc", "sister", "sister2"]}
    assert lit[1] == {"nodes": ["doftec", "gd"], "edges": ["unit"]}
    assert lit[2] == {"nodes": ["alone"], "edges": []}
    assert lit[3] is None and lit[4] is None


def test_light_up_dims_the_rest_and_keeps_the_items_otherwise(page: Any) -> None:
    out = js(page, """
        const model = m.model.buildModel(data);
        const nodes = m.style.nodeItems(model, {}), edges = m.style.edgeItems(model, { undated: 'date unknown' }, true);
        const all = m.highlight.lightUp(nodes, edges, null);
        const lit = m.highlight.lightUp(nodes, edges, m.highlight.around(model, { edge: 'unit' }));
        const get = (items, id) => items.find((x) => x.id === id);
        return { same: all.nodes === nodes && all.edges === edges,
                 gd: get(lit.nodes, 'gd'), ut: get(lit.nodes, 'ut'), utBefore: get(nodes, 'ut'),
                 unit: get(lit.edges, 'unit'), sister: get(lit.edges, 'sister'), sisterBefore: get(edges, 'sister') };""")
    assert out["same"]
    assert out["gd"]["opacity"] == 1 and out["unit"]["color"]["opacity"] == 0.35  # lit: as styled (undated: faded)
    assert out["ut"]["opacity"] == 0.15 and out["ut"]["font"]["color"].startswith("rgba(")
    assert out["ut"]["font"]["size"] == out["utBefore"]["font"]["size"] and out["ut"]["label"] == "Utrecht"
    assert out["sister"]["color"]["opacity"] == 0.08 and out["sister"]["smooth"] == out["sisterBefore"]["smooth"]
    assert out["sisterBefore"]["color"]["opacity"] == 1 and out["sisterBefore"]["font"]["color"] == "#56606c"


def test_labels_grow_with_degree(page: Any) -> None:
    sizes = js(page, "return [0, 1, 2, 4, 13, 35, 50].map((d) => m.style.labelSize(d, 35));")
    assert sizes[0] == 14 and sizes[5] == 28 and sizes[6] == 28
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes) - 1
    assert js(page, "return [m.style.labelSize(undefined, 1), m.style.labelSize(3, 0)];") == [14, 28]
    items = js(page, """
        const model = m.model.buildModel({ ...data, nodes: data.nodes.map((n, i) => ({ ...n, degree: i })) });
        return m.style.nodeItems(model, {}).map((n) => n.font.size);""")
    assert items == sorted(items) and items[0] == 14 and items[-1] == 28


def test_strip_spans_a_date_as_given(page: Any) -> None:
    spans = js(page, """return ["1995", "2013-11", "2022-11-16", "2020-12", null, "x"].map(m.lanes.spanOf);""")
    assert spans[0] == [1995, 1996]  # a year is the whole year
    assert spans[1] == [pytest.approx(2013 + 304 / 365), pytest.approx(2013 + 334 / 365)]  # November 2013
    assert spans[2] == [pytest.approx(2022 + 319 / 365), pytest.approx(2022 + 320 / 365)]  # one day
    assert spans[3] == [pytest.approx(2020 + 335 / 366), 2021]  # December of a leap year runs to its end
    assert spans[4] is None and spans[5] is None


def test_strip_items_are_the_dated_things_once(page: Any) -> None:
    found = js(page, """
      const d = { ...data, nodes: [...data.nodes, { id: "outcome", label: "Outcome", kind: "event",
        start: "2017-10-28", derived: true }, { id: "deal", label: "Deal", kind: "event", start: "2013-11",
        line: "active" }],
        edges: [...data.edges, { id: "party", from: "gd", to: "deal", label: "party", line: "active",
          relation: "deal", start: "2013-11" }, { id: "again", from: "pu", to: "gd", label: "partner of",
          line: "ended", relation: "sister-rel", start: "1995", end: "2022-11-16" },
          { id: "again2", from: "gd", to: "pu", label: "partner of", line: "ended", relation: "sister-rel",
          start: "1995", end: "2022-11-16", relation_label: "Sister relationship" }] };
      const out = m.lanes.stripItems(m.model.buildModel(d));
      return { keys: out.items.map((i) => i.key), undated: out.undated, derived: out.derived,
               deal: out.items.find((i) => i.key === "deal"), again: out.items.find((i) => i.key === "again") };""")
    # in order of the first day (then of the end, then by name); the deal's own relation takes the deal's dates, so it is not drawn twice; one bar
    # for the two edges of one relation
    assert found["keys"] == ["sister", "sister2", "again", "ended", "deal", "mission", "took-part", "later"]
    assert found["undated"] == ["unit", "hc", "cc"] and found["derived"] == ["outcome"]
    assert found["deal"]["ongoing"] is True and found["deal"]["group"] == "event"  # active without an end: runs on
    assert found["again"]["ongoing"] is False and found["again"]["line"] == "ended"
    assert found["again"]["label"] == "Province of Utrecht — partner of → Guangdong Province"
    assert found["again"]["to"] == pytest.approx(2022 + 320 / 365)


def test_strip_packs_lanes_by_kind_and_caps_them(page: Any) -> None:
    out = js(page, """
      const items = [["a", "event", 0, 10], ["b", "relation", 0, 50], ["c", "event", 5, 20], ["d", "event", 30, 40],
                     ["e", "relation", 60, 70]].map(([key, group, l, r]) => ({ key, group, l, r }));
      const extent = (i) => [i.l, i.r];
      const keys = (res) => res.groups.map((g) => [g.group, g.rows.map((row) => row.map((i) => i.key))]);
      return [keys(m.lanes.laneGroups(items, ["event"], extent, 10)),
              m.lanes.laneGroups(items, ["event"], extent, 2)];""")
    assert out[0] == [["relation", [["b", "e"]]], ["event", [["a", "d"], ["c"]]]]
    capped = out[1]
    assert [g["group"] for g in capped["groups"]] == ["relation", "event"] and capped["more"] == 1


def test_strip_axis_ticks_and_fitted_text(page: Any) -> None:
    out = js(page, """
      const measure = (t) => t.length * 6;
      return [m.lanes.yearTicks([1994.5, 2025], 1300), m.lanes.yearTicks([1994.5, 2025], 200),
              m.lanes.fitText("Sister-province relationship", 60, measure), m.lanes.fitText("short", 60, measure),
              m.lanes.scaleOf([2000, 2010], 100, 200)(2005)];""")
    assert out[0] == list(range(1995, 2026))
    assert out[1] == [2000, 2010, 2020]
    assert out[2] == "Sister-pr…" and out[3] == "short" and out[4] == 150
