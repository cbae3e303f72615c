"""The network view in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Every page is opened from a file:// URL with all other requests blocked and recorded. Set RELGRAPH_SCREENSHOTS
to a folder to keep the screenshots (docs/img is made that way).
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import relgraph
from relgraph.network import project

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
UG = "https://w3id.org/relgraph/utrecht-guangdong/"

if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
LINK = '<a href="javascript:window.__pwned=1">x</a>'

HOSTILE_TTL = r"""
@prefix ug:     <https://w3id.org/relgraph/utrecht-guangdong/> .
@prefix rg:     <https://w3id.org/relgraph/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix cv:     <http://data.europa.eu/m8g/> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

ug:doc a prov:Entity ;
    rdfs:label "<img src=x onerror=\"window.__pwned=1\">"@en ;
    rg:quote "<script>window.__pwned=1</script>"@nl ;
    prov:hadPrimarySource ug:doc .

<https://w3id.org/relgraph/utrecht-guangdong/evil'onclick=window.__pwned=1> a cv:PublicOrganisation ;
    rdfs:label "<script>window.__pwned=1</script>"@en , "<img src=x onerror=\"window.__pwned=1\">"@nl ,
               "<a href=\"javascript:window.__pwned=1\">x</a>"@zh-Hans ;
    schema:sameAs <javascript:window.__pwned=1> ;
    rg:unknown "<img src=x onerror=\"window.__pwned=1\">"@en ;
    rg:quote "<a href=\"javascript:window.__pwned=1\">x</a>"@nl ;
    prov:hadPrimarySource ug:doc .

ug:other a org:FormalOrganization ;
    rdfs:label "<a href=\"javascript:window.__pwned=1\">x</a>"@en ;
    rg:quote "<img src=x onerror=\"window.__pwned=1\">"@nl ;
    prov:hadPrimarySource ug:doc .

ug:membership-evil a org:Membership ;
    rdfs:label "<script>window.__pwned=1</script> membership"@en ;
    org:member ug:other ;
    org:organization <https://w3id.org/relgraph/utrecht-guangdong/evil'onclick=window.__pwned=1> ;
    schema:startDate "2017-10-28"^^xsd:date ; schema:endDate "2017-11-04"^^xsd:date ;
    rg:status rg:Ended ;
    rg:quote "<script>window.__pwned=1</script>"@nl ;
    prov:hadPrimarySource ug:doc .
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened offline, with what it logged and what it tried to fetch."""

    def __init__(self, browser: Any, path: Path, size: tuple[int, int] = (1400, 900)) -> None:
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)
        self.page.goto(path.as_uri())
        # a function, not an expression: Playwright polls an expression with eval, which the page's CSP forbids
        self.page.wait_for_function("() => window.relgraph && window.relgraph.ready === true", timeout=20_000)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def shown_nodes(self) -> set[str]:
        return set(self.js("relgraph.nodeView.getIds()"))

    def shown_edges(self) -> list[tuple[str, str]]:
        return [tuple(x) for x in self.js("relgraph.edgeView.get().map(e => [e.from, e.to])")]

    def panel(self) -> str:
        return self.js("document.getElementById('details').textContent")

    def click_node(self, iri: str) -> None:
        """Click the node where it is drawn, once the drawing has stopped moving (a focus animates the view)."""
        where = "[relgraph.network.getViewPosition(), relgraph.network.getScale()]"
        before = self.js(where)
        for _ in range(50):
            self.page.wait_for_timeout(100)
            now = self.js(where)
            if now == before:
                break
            before = now
        box = self.page.locator("#network canvas").bounding_box()
        xy = self.js("id => relgraph.network.canvasToDOM(relgraph.network.getPosition(id))", iri)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def screenshot(self, name: str, tmp: Path) -> Path:
        out = tmp / name
        self.page.screenshot(path=str(out))
        keep = os.environ.get("RELGRAPH_SCREENSHOTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(out, Path(keep) / name)
        return out

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.requests, self.requests
        self.page.close()


@pytest.fixture(scope="module")
def g() -> relgraph.Dataset:
    return relgraph.open(DATA)


@pytest.fixture(scope="module")
def default_page(g: relgraph.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return g.view().save(tmp_path_factory.mktemp("view") / "relationship.html")


def test_draws_the_projection_offline(browser: Any, g: relgraph.Dataset, default_page: Path, tmp_path: Path) -> None:
    page = Opened(browser, default_page)
    net = project(g)
    assert page.shown_nodes() == set(net.nodes)
    assert Counter(page.shown_edges()) == Counter((u, v) for u, v in net.edges())
    assert set(page.js("relgraph.nodes.getIds()")) == set(net.nodes)
    assert page.js("relgraph.network.physics.physicsEnabled") is False
    page.screenshot("relationship.png", tmp_path)
    page.close()


def test_search_focuses_by_any_label(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    for text, iri in (("广东省", UG + "guangdong"), ("Gedeputeerde Staten van Utrecht", UG + "gedeputeerde-staten"),
                      ("gedeputeerde staten van utrecht", UG + "gedeputeerde-staten"), ("DOFTEC", UG + "doftec")):
        page.page.fill("#search", text)
        page.page.press("#search", "Enter")
        assert page.js("relgraph.network.getSelectedNodes()") == [iri], text
        assert page.js("relgraph.data.nodes.find(n => n.id === relgraph.network.getSelectedNodes()[0]).label") \
            in page.panel()
    page.close()


def test_kind_filter_and_reset(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    before_nodes, before_edges = page.shown_nodes(), page.shown_edges()
    events = set(page.js("relgraph.data.nodes.filter(n => n.kind === 'event').map(n => n.id)"))
    assert events
    page.page.uncheck("#kinds input[data-kind=event]")
    assert page.shown_nodes() == before_nodes - events
    assert not any(a in events or b in events for a, b in page.shown_edges())
    page.page.uncheck("#themes input[data-theme$='theme-gaming']")
    assert UG + "theme-gaming" not in page.shown_nodes()
    page.page.click("#reset")
    assert page.shown_nodes() == before_nodes and Counter(page.shown_edges()) == Counter(before_edges)
    assert page.page.is_checked("#kinds input[data-kind=event]")
    page.close()


def test_time_control(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    page.page.check("#time-on")
    page.page.fill("#year", "2000")
    shown = page.shown_edges()
    assert (UG + "guangdong-government", UG + "provincie-utrecht") in shown  # sister relationship since 1995
    assert (UG + "hku", UG + "delegation-2017") not in shown  # membership in 2017 only
    assert page.js("relgraph.edges.get().some(e => e.label.endsWith('(date unknown)'))")
    page.page.click("#reset")
    assert (UG + "hku", UG + "delegation-2017") in page.shown_edges()
    page.close()


def test_click_shows_quote(browser: Any, g: relgraph.Dataset, tmp_path: Path) -> None:
    path = g.view(tmp_path / "doftec.html", focus="DOFTEC", depth=2)
    page = Opened(browser, Path(tmp_path / "doftec.html"))
    assert path.nodes == len(page.shown_nodes())
    page.click_node(UG + "guangdong-government")
    assert page.js("relgraph.network.getSelectedNodes()") == [UG + "guangdong-government"]
    assert "DOFTEC (Economische afdeling van de provincie Guangdong)" in page.panel()
    assert "Provincial government of Guangdong" in page.panel()
    page.click_node(UG + "doftec")
    panel = page.panel()
    assert "DOFTEC (Economische afdeling van de provincie Guangdong)" in panel and "date unknown" in panel
    page.screenshot("focus-doftec.png", tmp_path)
    page.close()


def test_hostile_strings_run_nothing(browser: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "ontology.ttl", data / "ontology.ttl")
    (data / "hostile.ttl").write_text(HOSTILE_TTL, encoding="utf-8")
    g = relgraph.open(data)
    g.view(tmp_path / "hostile.html", title=SCRIPT + IMG)
    g.view(tmp_path / "hostile-zh.html", lang="zh")
    for name in ("hostile.html", "hostile-zh.html"):
        page = Opened(browser, tmp_path / name)
        ids = page.js("relgraph.nodes.getIds()")
        assert len(ids) == 3 and page.js("relgraph.edges.length") == 1
        for iri in ids:
            page.click_node(iri)
            page.page.mouse.move(1, 1)
            page.click_node(iri)  # hover and click: tooltip and panel
            page.page.wait_for_timeout(50)
        page.js("relgraph.showEdge(relgraph.edges.getIds()[0])")
        page.page.fill("#search", "<script>")
        page.page.press("#search", "Enter")
        text = page.js("document.body.textContent")
        panel = page.panel()
        assert SCRIPT in panel
        assert page.js("window.__pwned") is None
        assert page.js("document.querySelectorAll('#details img, #details script, #matches img, "
                       "a[href^=\"javascript\"]').length") == 0
        assert page.js("document.querySelectorAll('script').length") == 3  # data, vis-network, app
        assert SCRIPT in page.js("document.querySelector('#strip .bar title').textContent")  # as text
        assert page.js("document.querySelectorAll('#strip *').length") > 10
        assert page.js("document.querySelectorAll('#strip script, #strip img, #strip foreignObject').length") == 0
        if name == "hostile.html":
            assert SCRIPT + IMG in page.js("document.title") and SCRIPT + IMG in text
        page.js("relgraph.showNode(relgraph.data.nodes.find(n => n.kind === 'government').id)")
        panel = page.panel()
        assert "javascript:window.__pwned=1" in panel and IMG in panel and LINK in panel
        assert page.js("window.__pwned") is None
        page.close()


def test_csp_stops_injected_scripts_while_the_view_draws(browser: Any, default_page: Path, tmp_path: Path) -> None:
    """Markup that got into the page some other way does not run; without the policy the same markup would."""
    text = default_page.read_text(encoding="utf-8")
    injected = (IMG + SCRIPT.replace("=1", "=2") + '<div id="bait" onclick="window.__pwned=3">bait</div>'
                + '<svg><script>window.__pwned=4</script></svg>')
    body, end, rest = text.rpartition("</body>")
    (tmp_path / "injected.html").write_text(body + injected + end + rest, encoding="utf-8")
    page = Opened(browser, tmp_path / "injected.html")
    page.page.click("#bait")
    page.page.wait_for_timeout(100)
    assert page.js("window.__pwned") is None
    assert page.shown_nodes() == set(page.js("relgraph.data.nodes.map(n => n.id)")) and page.shown_nodes()
    assert page.js("document.querySelector('#network canvas').width") > 0
    assert any("Content Security Policy" in e for e in page.errors), page.errors
    assert not page.requests
    page.page.close()
    # the control: the same page without its policy runs the injected markup
    loose = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", body + injected + end + rest)
    (tmp_path / "loose.html").write_text(loose, encoding="utf-8")
    page = Opened(browser, tmp_path / "loose.html")
    page.page.wait_for_function("() => window.__pwned !== undefined", timeout=5_000)
    page.page.close()


def test_words_and_edge_labels(browser: Any, g: relgraph.RelGraph, tmp_path: Path) -> None:
    g.view(tmp_path / "nl.html", lang="nl")
    page = Opened(browser, tmp_path / "nl.html")
    assert page.js("document.getElementById('reset').textContent") == "Beeld herstellen"
    assert page.js("document.getElementById('search').placeholder") == "Naam in elke taal"
    assert "beëindigd" in page.js("document.getElementById('lines').textContent")
    assert page.js("Object.values(relgraph.network.body.edges).every(e => e.options.font.align === 'horizontal')")
    page.close()


#: For each shown node: whether its centre is inside the canvas, and whether the canvas has pixels other than the
#: white background where its shape is (proof that it is drawn there).
DRAWN = """() => {
  const canvas = document.querySelector('#network canvas');
  const ratio = canvas.width / canvas.clientWidth;
  const all = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;  // read once
  const ink = (x, y) => {
    const i = 4 * (y * canvas.width + x);
    return all[i + 3] > 0 && (all[i] < 235 || all[i + 1] < 235 || all[i + 2] < 235);
  };
  return relgraph.nodeView.getIds().map((id) => {
    const p = relgraph.network.canvasToDOM(relgraph.network.getPosition(id));
    const r = relgraph.nodes.get(id).size * relgraph.network.getScale() + 2;  // the whole shape, border included
    const inside = p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight;
    let drawn = false;
    for (let y = Math.max(0, Math.round((p.y - r) * ratio)); y <= Math.min(canvas.height - 1, (p.y + r) * ratio); y++)
      for (let x = Math.max(0, Math.round((p.x - r) * ratio)); x <= Math.min(canvas.width - 1, (p.x + r) * ratio); x++)
        drawn = drawn || ink(x, y);
    return { id, inside, ink: drawn };
  });
}"""


@pytest.mark.parametrize("size", [(390, 844), (768, 1024), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_draws_the_graph(browser: Any, default_page: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    width, height = size
    page = Opened(browser, default_page, size)
    page.page.wait_for_timeout(100)
    canvas = page.page.locator("#network canvas").bounding_box()
    assert page.js("document.documentElement.scrollWidth") == width  # nothing sticks out sideways
    if width < 900:  # the drawing has (nearly) the whole width; the panels are drawers, closed
        assert canvas["width"] >= 0.9 * width, canvas
        assert not page.page.is_visible("#search") and not page.page.is_visible("#details")
        assert page.page.is_visible("#open-controls") and page.page.is_visible("#open-details")
    else:  # the panels stand beside the drawing
        assert canvas["width"] >= 0.5 * width, canvas
        assert page.page.is_visible("#search") and page.page.is_visible("#details")
        assert not page.page.is_visible("#open-controls") and not page.page.is_visible("#open-details")
    assert canvas["height"] >= 0.6 * height, canvas
    drawn = page.js(DRAWN)
    assert len(drawn) == len(page.js("relgraph.data.nodes")) > 50
    assert all(d["inside"] for d in drawn), [d["id"] for d in drawn if not d["inside"]]
    assert all(d["ink"] for d in drawn), [d["id"] for d in drawn if not d["ink"]]
    page.screenshot(f"view-{width}.png", tmp_path)
    page.close()


def test_drawers_on_a_phone(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page, (390, 844))
    assert page.page.get_attribute("#open-controls", "aria-expanded") == "false"
    page.page.click("#open-controls")
    page.page.wait_for_selector("#search", state="visible")
    assert page.page.get_attribute("#open-controls", "aria-expanded") == "true"
    page.page.wait_for_function("() => document.getElementById('controls').getBoundingClientRect().left >= 0")
    box = page.page.locator("#controls").bounding_box()
    assert box["x"] == 0 and 300 <= box["width"] <= 390
    page.page.fill("#search", "DOFTEC")
    page.page.press("#search", "Enter")  # picking closes the drawer, so the drawing shows the pick
    page.page.wait_for_selector("#search", state="hidden")
    assert page.js("relgraph.network.getSelectedNodes()") == [UG + "doftec"]
    assert page.page.text_content("#open-details").endswith(": DOFTEC")
    page.page.click("#open-details")
    page.page.wait_for_selector("#details", state="visible")
    assert "DOFTEC" in page.panel() and not page.page.is_visible("#search")  # one drawer at a time
    page.page.keyboard.press("Escape")
    page.page.wait_for_selector("#details", state="hidden")
    page.page.click("#open-controls")
    page.page.wait_for_selector("#search", state="visible")
    page.page.mouse.click(380, 500)  # a tap beside the drawer closes it
    page.page.wait_for_selector("#search", state="hidden")
    page.page.click("#open-controls")
    page.page.click("#controls .close")
    page.page.wait_for_selector("#search", state="hidden")
    page.close()


def test_click_lights_up_the_neighbourhood(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    hub = UG + "provincie-utrecht"
    near = set(page.js("""id => relgraph.data.edges.filter(e => e.from === id || e.to === id)
                                  .flatMap(e => [e.from, e.to])""", hub))
    mine = set(page.js("id => relgraph.data.edges.filter(e => e.from === id || e.to === id).map(e => e.id)", hub))
    lit = "() => relgraph.nodes.get().filter(n => n.opacity === 1).map(n => n.id)"
    litEdges = "() => relgraph.edges.get().filter(e => e.color.opacity > 0.1).map(e => e.id)"
    assert len(page.js(lit)) == len(page.js("relgraph.data.nodes"))
    page.click_node(hub)
    assert set(page.js(lit)) == near | {hub} and len(near) > 3
    assert set(page.js(litEdges)) == mine
    assert page.js("relgraph.nodes.get().filter(n => n.opacity < 1).every(n => n.opacity === 0.15)")
    page.page.check("#time-on")  # restyling for the time control keeps the highlight
    assert set(page.js(lit)) == near | {hub}
    page.page.uncheck("#time-on")
    page.page.mouse.click(3, 3)  # outside the drawing: nothing changes
    assert set(page.js(lit)) == near | {hub}
    box = page.page.locator("#network canvas").bounding_box()
    page.page.mouse.click(box["x"] + 5, box["y"] + 5)  # an empty spot of the drawing: all lit again
    assert len(page.js(lit)) == len(page.js("relgraph.data.nodes"))
    assert page.js("relgraph.edges.get().every(e => e.color.opacity === 1)")
    sizes = page.js("() => Object.fromEntries(relgraph.nodes.get().map(n => [n.id, n.font.size]))")
    degree = page.js("() => Object.fromEntries(relgraph.data.nodes.map(n => [n.id, n.degree]))")
    hubs = sorted(degree, key=degree.get)
    assert sizes[hubs[-1]] == 28 and sizes[hubs[0]] < sizes[hubs[-1]]  # labels grow with importance
    assert all(sizes[a] <= sizes[b] for a, b in zip(hubs, hubs[1:]))
    page.close()


def test_a_big_graph_is_not_dimmed(browser: Any, g: relgraph.RelGraph, tmp_path: Path) -> None:
    """Restyling thousands of items takes seconds, so a big graph (as it goes without relation labels) keeps its
    look on a click: the selection alone shows the entity and its relations."""
    from relgraph.view import presets
    from relgraph.view.build import page_data, select
    from relgraph.view.page import render

    net, title, _, _ = select(g, presets=presets(g))
    data = page_data(net, title=title)
    data["big"] = True  # as page_data marks a graph of more than 1,500 entities
    (tmp_path / "big.html").write_text(render(data), encoding="utf-8")
    page = Opened(browser, tmp_path / "big.html")
    page.click_node(UG + "provincie-utrecht")
    assert page.js("relgraph.network.getSelectedNodes()") == [UG + "provincie-utrecht"]
    assert "Provincie Utrecht" in page.panel()
    assert page.js("relgraph.nodes.get().every(n => n.opacity === 1)")
    assert page.js("relgraph.edges.get().every(e => e.label === undefined && e.color.opacity === 1)")
    page.close()


def test_the_ended_relationship_shows_every_source_in_its_panel(browser: Any, default_page: Path,
                                                                tmp_path: Path) -> None:
    """The whole view draws the sister relationship ended, and its panel gives each source's word."""
    page = Opened(browser, default_page)
    edge = page.js(f"relgraph.data.edges.find(e => e.relation === '{UG}sister-relationship')")
    assert edge["line"] == "ended" and edge["end"] == "2022-11-16"
    page.js("id => relgraph.showEdge(id)", edge["id"])
    panel = page.panel()
    assert "What each source says" in panel
    assert "De provincie Utrecht heeft sinds 1995 een zusterrelatie met de Chinese provincie Guangdong." in panel
    assert "Provinciale Staten heeft op 16 november unaniem ingestemd" in panel
    assert "Letter on the results of the China mission 2017" in panel
    assert "VVD Provincie Utrecht: End of the friendship bond with Guangdong" in panel
    page.screenshot("sister-relationship-panel.png", tmp_path)
    page.close()


#: The bars of the timeline strip: key, classes, line, dates, hover text and where the bar's line (or dot) runs.
BARS = """() => [...document.querySelectorAll('#strip .bar')].map(b => {
  const line = b.querySelector('line.mark');
  const dot = b.querySelector('circle.dot');
  return { key: b.dataset.key, cls: b.getAttribute('class'), line: b.dataset.line, start: b.dataset.start,
           end: b.dataset.end, title: b.querySelector('title').textContent,
           dashes: line ? line.getAttribute('stroke-dasharray') : null,
           x0: parseFloat(dot.getAttribute('cx')), x1: line ? parseFloat(line.getAttribute('x2')) : null };
})"""
TICKS = "() => [...document.querySelectorAll('#strip-axis .tick')].map(t => [+t.textContent, +t.getAttribute('x')])"


def bars(page: Opened) -> dict[str, dict[str, Any]]:
    return {b["key"]: b for b in page.js(BARS)}


def x_of(page: Opened, year: float) -> float:
    """The strip's pixel for a year (with its fraction), read off two of the axis's year marks."""
    (y0, x0), (y1, x1) = page.js(TICKS)[:2]
    return x0 + (year - y0) * (x1 - x0) / (y1 - y0)


def test_strip_draws_each_dated_relation_and_entity(browser: Any, g: relgraph.Dataset, default_page: Path,
                                                    tmp_path: Path) -> None:
    """One bar per row of `relgraph timeline`; the sister relationship runs from 1995 to 16 November 2022, ended."""
    from relgraph.timeline import rows

    page = Opened(browser, default_page)
    drawn = bars(page)
    expected = rows(g)
    assert len(drawn) == len(expected) == 18
    assert {b["title"].split("\n")[0] for b in drawn.values()} == {r["label"] for r in expected}
    sister = page.js(f"relgraph.data.edges.find(e => e.relation === '{UG}sister-relationship').id")
    bar = drawn[sister]
    assert (bar["line"], bar["start"], bar["end"]) == ("ended", "1995", "2022-11-16")
    assert bar["dashes"] and bar["cls"] == "bar"  # dotted, as the drawing's ended relations; lit
    assert abs(bar["x0"] - x_of(page, 1995)) < 1 and abs(bar["x1"] - x_of(page, 2022 + 320 / 365)) < 1
    assert bar["title"].splitlines()[1:] == ["1995 – 2022-11-16 · ended",
                                             "Source: RTV Utrecht: the friendship relationship with Guangdong is ended"]
    mission = drawn[UG + "mission-2017"]
    assert mission["x1"] is None and abs(mission["x0"] - x_of(page, 2017 + 300 / 365)) < 1  # a week: a dot
    assert drawn[UG + "cooperation-doftec-2013"]["cls"] == "bar"
    assert page.js("document.querySelectorAll('#strip .bar polygon').length") == 1  # DOFTEC's runs on: an arrow
    note = page.page.text_content("#strip-note")
    assert note == "9 undated relations not shown · 31 entities dated only through linked ones not shown"
    page.page.check("#time-on")  # as docs/img/view-timeline-strip.png shows it
    page.page.fill("#year", "2020")
    page.page.click(f"#strip .bar[data-key='{sister}']")
    page.screenshot("view-timeline-strip.png", tmp_path)
    page.close()


def test_strip_follows_the_time_control(browser: Any, g: relgraph.Dataset, tmp_path: Path) -> None:
    from relgraph.view import presets
    from relgraph.view.build import page_data, select
    from relgraph.view.page import render

    net, title, _, _ = select(g, presets=presets(g))
    data = page_data(net, title=title)
    assert data["years"] == [1995, 2023]  # the relationship ended in the data's last year: the slider goes one past
    (tmp_path / "later.html").write_text(render(data), encoding="utf-8")
    page = Opened(browser, tmp_path / "later.html")
    sister = page.js(f"relgraph.data.edges.find(e => e.relation === '{UG}sister-relationship').id")
    assert page.js("document.querySelector('#strip .marker').classList.contains('hidden')")  # time control off
    page.page.check("#time-on")
    page.page.fill("#year", "2020")
    assert page.page.get_attribute("#strip", "data-year") == "2020"
    marker = page.js("() => { const r = document.querySelector('#strip-lanes .marker'); "
                     "return [+r.getAttribute('x'), +r.getAttribute('width')]; }")
    assert abs(marker[0] - x_of(page, 2020)) < 1 and abs(marker[0] + marker[1] - x_of(page, 2021)) < 1
    drawn = bars(page)
    assert "off" not in drawn[sister]["cls"] and "off" in drawn[UG + "mission-2017"]["cls"]
    hidden = {k for k, b in drawn.items() if "off" in b["cls"]}  # dimmed exactly where the drawing hides
    shown = set(page.js("relgraph.nodeView.getIds()")) | set(page.js("relgraph.edgeView.getIds()"))
    assert hidden == set(drawn) - shown
    page.page.fill("#year", "2023")
    assert "off" in bars(page)[sister]["cls"] and sister not in page.js("relgraph.edgeView.getIds()")
    page.page.uncheck("#time-on")
    assert not any("off" in b["cls"] for b in bars(page).values())
    page.close()


def test_strip_follows_the_kind_filter(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    before = bars(page)
    events = set(page.js("relgraph.data.nodes.filter(n => n.kind === 'event').map(n => n.id)"))
    page.page.uncheck("#kinds input[data-kind=event]")
    after = bars(page)
    assert not events & set(after) and events & set(before)
    assert set(after) < set(before)
    shown = set(page.js("relgraph.nodeView.getIds()")) | set(page.js("relgraph.edgeView.getIds()"))
    assert set(after) <= shown  # a relation to an event goes with it, as in the drawing
    page.page.check("#kinds input[data-kind=event]")
    assert set(bars(page)) == set(before)
    page.close()


def test_strip_bars_select_and_selection_lights_bars(browser: Any, default_page: Path) -> None:
    page = Opened(browser, default_page)
    sister = page.js(f"relgraph.data.edges.find(e => e.relation === '{UG}sister-relationship').id")
    page.page.click(f"#strip .bar[data-key='{sister}']")
    assert page.js("relgraph.network.getSelectedEdges()") == [sister]
    assert "What each source says" in page.panel() and "Guangdong" in page.panel()
    assert "sel" in bars(page)[sister]["cls"]
    page.page.click(f"#strip .bar[data-key='{UG}mission-2017']")
    assert page.js("relgraph.network.getSelectedNodes()") == [UG + "mission-2017"]
    assert page.panel().startswith("Economic mission to Guangdong 2017")
    lit = {k for k, b in bars(page).items() if "unlit" not in b["cls"]}
    assert UG + "mission-2017" in lit and sister not in lit  # lit as the drawing lights the mission's neighbourhood
    page.js("relgraph.network.fit({ animation: false })")  # the mission's focus may have left the node off screen
    page.click_node(UG + "cooperation-doftec-2013")
    assert "sel" in bars(page)[UG + "cooperation-doftec-2013"]["cls"]
    page.page.focus(f"#strip .bar[data-key='{sister}']")
    page.page.keyboard.press("Enter")
    assert page.js("relgraph.network.getSelectedEdges()") == [sister]
    page.close()


@pytest.mark.parametrize(("size", "lang"), [((1400, 900), "zh"), ((390, 844), "en")], ids=["wide-zh", "phone"])
def test_strip_folds_and_leaves_the_drawing_room(browser: Any, g: relgraph.Dataset, tmp_path: Path,
                                                 size: tuple[int, int], lang: str) -> None:
    path = g.view(tmp_path / f"{lang}.html", lang=lang).save(tmp_path / f"{lang}.html")
    page = Opened(browser, path, size)
    assert page.page.text_content("#strip-title") == {"zh": "时间线", "en": "Timeline"}[lang]
    strip = page.page.locator("#strip").bounding_box()
    assert 90 <= strip["height"] <= 170 and strip["y"] + strip["height"] <= size[1]
    canvas = page.page.locator("#network canvas").bounding_box()
    assert canvas["height"] >= 0.6 * size[1] and len(bars(page)) == 18
    page.screenshot(f"view-strip-{size[0]}-{lang}.png", tmp_path)
    page.page.click("#strip-toggle")
    assert page.page.get_attribute("#strip-toggle", "aria-expanded") == "false"
    assert not page.page.is_visible("#strip-body") and not page.page.is_visible("#strip-axis")
    page.page.wait_for_function(f"() => document.querySelector('#network canvas').clientHeight > {canvas['height']} + 60")
    page.page.click("#strip-toggle")
    assert page.page.is_visible("#strip .bar") and len(bars(page)) == 18
    page.close()
