"""The timeline: every dated relation and event from the projection, as rows, a DataFrame and a lane chart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from relgraph.errors import ExportError, ParameterError
from relgraph.timeline import COLUMNS, SHOWN, plot, rows

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"
LETTER = "Letter on the results of the China mission 2017"


def by_label(found):
    return {r["label"]: r for r in found}


def marks(svg: str) -> dict[int, ET.Element]:
    """The mark groups of a timeline SVG by row number."""
    root = ET.fromstring(svg)
    found = {}
    for g in root.iter(f"{SVG}g"):
        m = re.fullmatch(r"relgraph-mark-(\d+)", g.get("id", ""))
        if m:
            found[int(m.group(1))] = g
    return found


def dashes(group: ET.Element) -> tuple[float, ...] | None:
    """The dash pattern of a mark's line, None when it is solid (or a single point, with no line)."""
    path = group.find(f"{SVG}path")
    if path is None:
        return None
    m = re.search(r"stroke-dasharray: ([\d.,]+)", path.get("style", ""))
    return tuple(float(x) for x in m.group(1).split(",")) if m else None


def test_the_relationship_history_in_order(seed):
    found = rows(seed)
    history = by_label(found)
    sister = history["Sister-province relationship Utrecht – Guangdong"]
    assert (sister["kind"], sister["start"], sister["end"], sister["status"], sister["line"]) == \
        ("relation", "1995", "2022-11-16", "Ended", "ended")
    assert sister["source_label"] and sister["quote"]
    assert LETTER in sister["sources"] and "VVD" in sister["sources"]  # every source that speaks of it
    coop = history["Structural cooperation with DOFTEC (2013)"]
    assert (coop["kind"], coop["start"], coop["end"], coop["line"]) == ("agreement", "2013-11", None, "active")
    mission = history["Economic mission to Guangdong 2017"]
    assert (mission["kind"], mission["start"], mission["end"]) == ("event", "2017-10-28", "2017-11-04")
    assert history["Evaluation of the friendship bond (2020)"]["start"] == "2020"
    end = history["Provinciale Staten end the friendship bond with Guangdong (2022)"]
    assert (end["start"], end["certainty"]) == ("2022-11-16", "Inferred")
    firsts = [r["start"] or r["end"] for r in found]
    assert firsts[0] == "1995" and firsts[1] == "2013-11" and firsts[-1] == "2022-11-16"
    assert all(list(r) == COLUMNS for r in found)


def test_dates_only_derived_from_links_are_left_out_unless_asked(seed):
    plain, everything = rows(seed), rows(seed, derived=True)
    assert not any(r["derived"] for r in plain)
    assert "Many promising contacts made" in by_label(everything)
    assert "Many promising contacts made" not in by_label(plain)


def test_as_of_a_day_gives_the_state_then_in_force(seed):
    then = by_label(rows(seed, as_of="2019-01-01"))
    sister = then["Sister-province relationship Utrecht – Guangdong"]
    assert (sister["status"], sister["line"], sister["end"]) == ("Active", "active", None)
    assert sister["source_label"] == LETTER
    assert "VVD" not in sister["sources"]  # a 2022 source was not known in 2019
    assert "Evaluation of the friendship bond (2020)" not in then
    assert "Economic mission to Guangdong 2017" in then  # over by then, still history
    assert rows(seed, as_of="1990") == []


def test_timeline_is_a_dataframe_that_draws_itself(seed):
    from relgraph.timeline.frame import Timeline

    tl = seed.timeline(as_of="2019")
    assert isinstance(tl, Timeline) and list(tl.columns) == COLUMNS
    assert tl.attrs == {"lang": "en", "as_of": "2019-01-01"}
    decisions = tl[tl.kind == "decision"]
    assert isinstance(decisions, Timeline) and len(decisions) == 1
    chart = decisions.plot()
    assert chart.titles[0].startswith("GS decision of 12 September 2017\n2017-09-12")
    assert callable(tl.plot.bar)  # pandas' own plots are still there
    assert chart._repr_png_().startswith(b"\x89PNG")


def test_svg_has_one_mark_with_its_title_per_row(seed, tmp_path):
    tl = seed.timeline()
    out = plot(tl, tmp_path / "timeline.svg")
    svg = out.svg()
    assert (tmp_path / "timeline.svg").read_text(encoding="utf-8") == svg
    found = marks(svg)
    assert sorted(found) == list(range(len(tl)))
    for i, row in enumerate(tl.itertuples()):
        title = found[i].find(f"{SVG}title").text
        assert title.split("\n")[0] == row.label
        assert f"Source: {row.source_label}" in title
        assert f"“{row.quote}”" in title


def test_line_styles_follow_the_status(seed):
    tl = seed.timeline()
    found = marks(plot(tl).svg())
    styles = {row.label: dashes(found[i]) for i, row in enumerate(tl.itertuples())}
    ended = styles["Sister-province relationship Utrecht – Guangdong"]
    assert ended is not None and ended[0] < ended[1]  # dotted: short marks, longer gaps
    assert styles["Structural cooperation with DOFTEC (2013)"] is None  # active: solid
    spans = [{"label": f"{line} span", "kind": "relation", "start": "2001", "end": "2010", "line": line}
             for line in ("active", "ended", "intended", "link")]
    drawn = marks(plot(spans).svg())
    active, ended, intended, link = (dashes(drawn[i]) for i in range(4))
    assert active is None and link is None
    assert ended[0] < ended[1] and intended[0] > intended[1]  # dotted; dashed
    marker = drawn[2].find(f".//{SVG}use").get("style")
    assert "fill: #ffffff" in marker  # an intended thing starts hollow


def test_hover_text_is_escaped(tmp_path):
    evil = [{"label": "<script>alert(1)</script> & co", "kind": "event", "start": "2017", "end": None,
             "line": "link", "status": None, "source_label": "A </title><g onload='x'>", "quote": "“&amp;”\x07"}]
    svg = plot(evil, tmp_path / "evil.svg").svg()
    assert "<script>" not in svg and "<g onload" not in svg
    title = marks(svg)[0].find(f"{SVG}title").text
    assert title == ("<script>alert(1)</script> & co\n2017\nSource: A </title><g onload='x'>\n““&amp;””")


def test_png(seed, tmp_path):
    out = tmp_path / "sub" / "timeline.png"
    plot(seed.timeline(), out)
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("name, message", [
    ("timeline.jpg", "{p}: cannot draw a timeline as .jpg; give a file name ending in .svg or .png"),
    ("timeline", "{p}: cannot draw a timeline without .svg or .png at the end; give a file name ending in .svg "
                 "or .png"),
    ("folder/", "{p}: names a folder; give a file name ending in .svg or .png"),
])
def test_bad_paths_are_one_line_errors(seed, tmp_path, name, message):
    path = f"{tmp_path}/{name}"
    with pytest.raises(ExportError) as e:
        plot(seed.timeline(), path)
    assert str(e.value) == message.format(p=path)


def test_not_a_timeline():
    with pytest.raises(ParameterError, match="^not a timeline: it has no column 'kind'"):
        plot([{"label": "x", "start": "2000"}])
    with pytest.raises(ExportError, match="^nothing to draw: the timeline has no dated rows$"):
        plot([{"label": "x", "kind": "event", "start": None, "end": None, "line": "link"}])


def test_cli_prints_the_rows(run):
    result = run("timeline", "--format", "tsv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split("\t") == COLUMNS
    first = dict(zip(COLUMNS, lines[1].split("\t")))
    assert (first["label"], first["start"], first["end"], first["status"]) == \
        ("Sister-province relationship Utrecht – Guangdong", "1995", "2022-11-16", "Ended")
    table = run("timeline", "--as-of", "2015")
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == SHOWN
    assert "(2 rows)" in table.output and "Active" in table.output and "Ended" not in table.output


def test_cli_plots(run, tmp_path):
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    result = run("timeline", "--plot", str(svg), "--as-of", "2019", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert result.output == f"{svg}\n"
    text = svg.read_text(encoding="utf-8")
    assert "Zusterrelatie Utrecht – Guangdong" in text  # Dutch labels, in the hover text
    assert run("timeline", "--plot", str(png)).exit_code == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("args, message", [
    (["--plot", "t.jpg"], "Error: t.jpg: cannot draw a timeline as .jpg; give a file name ending in .svg or .png"),
    (["--plot", "x.svg", "--as-of", "1990"], "Error: nothing to draw: the timeline has no dated rows"),
    (["--as-of", "soon"], "Error: not a date: 'soon' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
])
def test_cli_errors_are_one_line(run, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("timeline", *args)
    assert result.exit_code == 2
    assert result.output.strip() == message
    assert not list(tmp_path.iterdir())
