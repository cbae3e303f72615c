"""View.to_pyvis(): the same nodes, edges, kinds, colours, positions and titles as relgraph's own view."""

from __future__ import annotations

import html

import pytest

from relgraph.view.pyvis import LINE_STYLE, to_pyvis

pytest.importorskip("pyvis")


@pytest.fixture(scope="module")
def drawn(seed):
    view = seed.view()
    return view, view.to_pyvis()


def test_same_nodes_with_colours_by_kind_and_positions(drawn):
    view, net = drawn
    kinds = {k["key"]: k for k in view.data["kinds"]}
    assert [n["id"] for n in net.nodes] == [n["id"] for n in view.data["nodes"]]
    assert len(net.nodes) == view.nodes
    for ours, theirs in zip(view.data["nodes"], net.nodes):
        kind = kinds[ours["kind"]]
        assert theirs["kind"] == ours["kind"]
        assert theirs["shape"] == kind["shape"] and theirs["size"] == kind["size"]
        colour = theirs["color"]["background"] if isinstance(theirs["color"], dict) else theirs["color"]
        assert colour == kind["color"]
        assert (theirs["x"], theirs["y"]) == (ours["x"], ours["y"])
        assert theirs["label"] == ours["label"]
        assert theirs["title"].split("\n")[0] == html.escape(ours["label"], quote=False)


def test_government_and_unnamed_styles(drawn):
    view, net = drawn
    by_kind = {n["kind"]: n for n in net.nodes}
    assert by_kind["government"]["color"] == "#1f5fa8" and by_kind["government"]["shape"] == "hexagon"
    assert by_kind["unnamed"]["color"] == {"background": "#ffffff", "border": "#6b6b6b"}
    assert by_kind["unnamed"]["shapeProperties"] == {"borderDashes": [4, 3]}


def test_same_edges_with_line_styles_and_titles(drawn):
    view, net = drawn
    assert [(e["id"], e["from"], e["to"]) for e in net.edges] == \
        [(e["id"], e["from"], e["to"]) for e in view.data["edges"]]
    assert len(net.edges) == view.edges
    labels = {n["id"]: n["label"] for n in view.data["nodes"]}
    for ours, theirs in zip(view.data["edges"], net.edges):
        assert theirs["label"] == ours["label"]
        assert theirs["dashes"] == LINE_STYLE[ours["line"]]["dashes"]
        assert theirs["arrows"] == "to"
        first = f"{labels[ours['from']]} — {ours['label']} → {labels[ours['to']]}"
        assert theirs["title"].split("\n")[0] == html.escape(first, quote=False)
        if ours.get("quote"):
            assert f"“{html.escape(ours['quote'], quote=False)}”" in theirs["title"]


def test_the_sister_relationship_edge_is_dotted_with_its_source(drawn):
    view, net = drawn
    edge = next(e for e in net.edges if e["title"].startswith("Provincial government of Guangdong — sister"))
    assert edge["line"] == "ended" and edge["dashes"] == [2, 5]
    assert "Source: " in edge["title"]
    assert "1995 – 2022-11-16" in edge["title"]


def test_physics_is_off_so_the_layout_holds(drawn):
    _, net = drawn
    assert net.options.physics.enabled is False


def test_titles_are_plain_text_never_markup():
    data = {"kinds": [{"key": "other", "label": "other", "color": "#9e9e9e", "shape": "dot", "size": 12}],
            "nodes": [{"id": "a", "label": '<img src=x onerror="alert(1)"> href', "kind": "other", "x": 0, "y": 0,
                       "quotes": ["A & B </script>"]},
                      {"id": "b", "label": "B", "kind": "other", "x": 1, "y": 1}],
            "edges": [{"id": "e0", "from": "a", "to": "b", "label": "<i>rel</i>", "line": "ended"}]}
    net = to_pyvis(data)
    assert net.nodes[0]["title"] == ('&lt;img src=x onerror="alert(1)"&gt; href\nother\n'
                                     '“A &amp; B &lt;/script&gt;”')
    assert net.edges[0]["title"] == '&lt;img src=x onerror="alert(1)"&gt; href — &lt;i&gt;rel&lt;/i&gt; → B'
    page = net.generate_html()  # a title with 'href' makes pyvis put titles in as HTML: they must be escaped
    assert "popup.innerHTML" in page
    assert "<img src=x" not in page and "</script>”" not in page
