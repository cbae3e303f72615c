"""The timeline as a picture: a lane chart drawn with matplotlib, written as SVG (with hover text) or PNG.

One lane per row, in time. A span runs from its start to its end; a single date is a point; what is active with
no end runs on to the right edge with an arrow. Colour tells the kind, as in the network view
(:data:`relgraph.view.build.STYLE`; relations in the view's relation colour); line style tells the status, as in
the view (:data:`relgraph.view.build.LINE_OF_STATUS`): active solid, ended dotted, intended dashed (with a hollow
start), no status of its own thin and solid. The date is written beside each mark, ``(inferred)`` when a source
implies it without stating it.

Each row's mark is one matplotlib artist with the SVG id ``relgraph-mark-<row>``; :meth:`TimelineChart.svg` puts
a ``<title>`` in it (label, dates, status, source, quote; escaped), which a browser shows on hover.
The figure is made without pyplot, so it never opens a window and works on any backend.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..errors import ExportError, ParameterError
from ..fileio import is_folder_path, write_bytes, write_text
from ..kinds import kind_names
from ..languages import check_lang, translated
from ..timespan import span
from ..view.build import LINES, STYLE

#: The colour of a relation's lane: the colour the view draws an active relation in.
RELATION_COLOUR = "#3c4654"
#: Line style of each ``line`` value: matplotlib dash pattern, and width in points.
DASHES: dict[str, tuple[Any, float]] = {
    "active": ("-", 3.0), "ended": ((0, (1, 1.6)), 3.0), "intended": ((0, (3.5, 2)), 2.6), "link": ("-", 1.6),
}
FORMATS = (".svg", ".png")
_WORDS = {
    "title": {"en": "Dated relations and events", "nl": "Gedateerde relaties en gebeurtenissen",
              "zh": "有日期的关系与事件"},
    "as_of": {"en": "as of", "nl": "per", "zh": "截至"},
    "since": {"en": "since", "nl": "sinds", "zh": "自"},
    "inferred": {"en": "inferred", "nl": "afgeleid", "zh": "推断"},
    "relation": {"en": "relation", "nl": "relatie", "zh": "关系"},
    "source": {"en": "Source", "nl": "Bron", "zh": "来源"},
    "sources": {"en": "All sources", "nl": "Alle bronnen", "zh": "所有来源"},
}
_NEEDED = ("label", "kind", "start", "end", "line")
_FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
          "Microsoft YaHei", "PingFang SC")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CJK = re.compile("[\u3000-\u9fff\uf900-\ufaff]")


class TimelineChart(Figure):
    """A drawn timeline: a matplotlib ``Figure`` that knows the hover text of each mark.

    Shown inline in Jupyter (as PNG). :meth:`save` writes SVG or PNG by the file's extension; :meth:`svg` gives
    the SVG text with a ``<title>`` in each mark.
    """

    titles: list[str]

    def svg(self) -> str:
        """The picture as SVG text, each mark (``<g id="relgraph-mark-N">``) with its escaped ``<title>``."""
        from matplotlib import rc_context

        buf = io.StringIO()
        with rc_context({"svg.hashsalt": "relgraph"}):
            self.savefig(buf, format="svg", metadata={"Date": None})
        text = buf.getvalue()
        for i, title in enumerate(self.titles):
            opening = f'<g id="relgraph-mark-{i}">'
            text = text.replace(opening, f"{opening}\n   <title>{_xml(title)}</title>", 1)
        return text

    def png(self, dpi: int = 150) -> bytes:
        """The picture as PNG bytes."""
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=dpi, metadata={"Software": "relgraph"})
        return buf.getvalue()

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the picture to ``path`` (``.svg`` or ``.png``) atomically, and return ``path``.

        Raises :class:`ExportError` for another extension or a path that cannot be written.
        """
        text = os.fspath(path)
        ext = Path(text).suffix.lower()
        if text == "":
            raise ExportError("empty output path: give a file name ending in .svg or .png")
        if is_folder_path(text):
            raise ExportError(f"{text}: names a folder; give a file name ending in .svg or .png")
        if ext not in FORMATS:
            shown = f"as {ext}" if ext else "without .svg or .png at the end"
            raise ExportError(f"{text}: cannot draw a timeline {shown}; give a file name ending in .svg or .png")
        if ext == ".svg":
            return write_text(path, self.svg())
        return write_bytes(path, self.png())

    def _repr_png_(self) -> bytes:
        return self.png(dpi=100)


def draw(frame: Any, *, title: str | None = None, lang: str | None = None,
         as_of: str | None = None) -> TimelineChart:
    """The lane chart of a timeline frame (or of records with its columns); see :mod:`relgraph.timeline.chart`.

    ``lang`` and ``as_of`` (a day as ``YYYY-MM-DD``) default to the frame's ``attrs``.
    """
    from matplotlib import rc_context
    from matplotlib.dates import date2num

    attrs: Mapping[str, Any] = getattr(frame, "attrs", {}) or {}
    lang = check_lang(lang or attrs.get("lang") or "en")
    day_text = as_of or attrs.get("as_of")
    day = span(day_text)
    records = _records(frame)
    lanes = [_lane(r) for r in records]
    if not lanes:
        raise ExportError("nothing to draw: the timeline has no dated rows")
    left, right = _bounds(lanes, day[0] if day else None)
    chinese = lang == "zh" or any(_CJK.search(str(r["label"])) for r in records)
    with rc_context({"font.family": _fonts(chinese), "font.size": 8.5}):
        chart = TimelineChart(figsize=(11, 1.3 + 0.3 * len(lanes)), layout="constrained")
        ax = chart.add_subplot()
        chart.titles = []
        for i, (record, lane) in enumerate(zip(records, lanes)):
            _mark(ax, i, lane, right)
            _note(ax, i, lane, left, right, lang)
            chart.titles.append(hover(record, lang))
        _axes(ax, [r["label"] for r in records], left, right)
        if day:
            ax.axvline(date2num(day[0]), color="#7a8591", linewidth=1, linestyle=(0, (4, 3)))
            ax.annotate(f"{translated(_WORDS['as_of'], lang)} {day_text}", (day[0], 0), xytext=(4, 12),
                        textcoords="offset points", fontsize=7.5, color="#4a5560", annotation_clip=False)
        ax.set_title(title or translated(_WORDS["title"], lang)
                     + (f", {translated(_WORDS['as_of'], lang)} {day_text}" if day else ""),
                     loc="left", fontsize=11)
        _legend(chart, records, lang)
    return chart


def _records(frame: Any) -> list[dict[str, Any]]:
    """The rows of a frame or of an iterable of mappings, checked to have the columns a chart needs."""
    if hasattr(frame, "to_dict"):
        records = frame.to_dict("records")
    elif isinstance(frame, Iterable):
        records = [dict(r) for r in frame]
    else:
        raise ParameterError(f"cannot draw {type(frame).__name__} as a timeline: give g.timeline() or its rows")
    missing = [c for c in _NEEDED if records and c not in records[0]]
    if missing:
        raise ParameterError(f"not a timeline: it has no column {missing[0]!r} (give g.timeline() or its rows)")
    clean = [{k: (None if _missing(v) else v) for k, v in r.items()} for r in records]
    return [r for r in clean if span(r.get("start")) or span(r.get("end"))]


def _missing(value: Any) -> bool:
    """True for None and the NaN pandas puts in an empty cell."""
    return value is None or (isinstance(value, float) and value != value)


def _lane(r: Mapping[str, Any]) -> dict[str, Any]:
    """Where and how one row is drawn: first and last day, whether it runs on, its colour and line."""
    start, end = span(r.get("start")), span(r.get("end"))
    first = (start or end)[0]  # type: ignore[index]
    last = end[1] if end and start else first
    line = r.get("line") if r.get("line") in DASHES else "link"
    kind = r.get("kind") or "other"
    style = STYLE.get(kind, STYLE["other"])
    colour = RELATION_COLOUR if kind == "relation" else style.get("border", style["color"])
    return {"first": first, "last": last, "ongoing": end is None and line == "active", "line": line,
            "colour": colour, "start": r.get("start"), "end": r.get("end"),
            "inferred": str(r.get("certainty") or "").endswith("Inferred")}


def _bounds(lanes: list[dict[str, Any]], as_of: dt.date | None) -> tuple[dt.date, dt.date]:
    """The first and last day the axis shows: every date, the as-of day, and a margin."""
    days = [d for lane in lanes for d in (lane["first"], lane["last"])] + ([as_of] if as_of else [])
    lo, hi = min(days), max(days)
    pad = max(dt.timedelta(days=365), (hi - lo) * 0.04)
    right = max(hi, as_of) if as_of else hi + pad * (2 if any(lane["ongoing"] for lane in lanes) else 1)
    return lo - pad, right


def _mark(ax: Any, i: int, lane: Mapping[str, Any], right: dt.date) -> None:
    """Row ``i``'s mark: one line (a span, or a single point) with a marker at its start; an arrow if ongoing."""
    dashes, width = DASHES[lane["line"]]
    last = _tip(lane, right)
    xs = [lane["first"], last] if last > lane["first"] else [lane["first"]]
    hollow = lane["line"] == "intended"
    (line,) = ax.plot(xs, [i] * len(xs), linestyle=dashes, linewidth=width, color=lane["colour"], marker="o",
                      markevery=[0], markersize=7, markerfacecolor="white" if hollow else lane["colour"],
                      markeredgewidth=1.6, dash_capstyle="butt", solid_capstyle="butt", zorder=3)
    line.set_gid(f"relgraph-mark-{i}")
    if lane["ongoing"]:
        (arrow,) = ax.plot([last], [i], marker=">", markersize=7, color=lane["colour"], zorder=3)
        arrow.set_gid(f"relgraph-arrow-{i}")


def _tip(lane: Mapping[str, Any], right: dt.date) -> dt.date:
    """Where a lane's line ends: its last day, or, when it runs on, just before the right edge."""
    return right - dt.timedelta(days=120) if lane["ongoing"] else lane["last"]


def _note(ax: Any, i: int, lane: Mapping[str, Any], left: dt.date, right: dt.date, lang: str) -> None:
    """The dates beside row ``i``'s mark: after it, before it near the right edge, above it when it is long."""
    words = f"{translated(_WORDS['since'], lang)} {lane['start']}" if lane["ongoing"] else \
        " – ".join(str(x) for x in (lane["start"], lane["end"]) if x) if lane["end"] != lane["start"] else \
        str(lane["start"])
    if lane["inferred"]:
        words += f" ({translated(_WORDS['inferred'], lang)})"
    width = (right - left).days
    at = (lane["last"] - left).days / width
    long = (_tip(lane, right) - lane["first"]).days / width > 0.25
    if long:
        middle = lane["first"] + (_tip(lane, right) - lane["first"]) / 2
        where, offset, ha, va = middle, (0, 4), "center", "bottom"
    elif at < 0.7:
        where, offset, ha, va = lane["last"], (8, 0), "left", "center"
    else:
        where, offset, ha, va = lane["first"], (-8, 0), "right", "center"
    ax.annotate(words, (where, i), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=7.5,
                color="#2b333d")


def _axes(ax: Any, labels: list[str], left: dt.date, right: dt.date) -> None:
    """Lanes top to bottom with their labels; years along the time axis."""
    import matplotlib.dates as mdates

    ax.set_yticks(range(len(labels)), [_short(x) for x in labels])
    ax.set_ylim(len(labels) - 0.4, -0.8)
    ax.set_xlim(left, right)
    years = right.year - left.year
    if years >= 3:
        base = next(b for b in (1, 2, 5, 10, 20, 50, 100) if years / b <= 16)
        ax.xaxis.set_major_locator(mdates.YearLocator(base))
        ax.xaxis.set_minor_locator(mdates.YearLocator(1))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    else:
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#e3e7ec", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.spines[["left", "top", "right"]].set_visible(False)


def _legend(chart: TimelineChart, records: list[dict[str, Any]], lang: str) -> None:
    """Colour by kind and line style by status, for the kinds and statuses drawn."""
    names = {**kind_names(lang), "relation": translated(_WORDS["relation"], lang)}
    kinds = list(dict.fromkeys(r.get("kind") or "other" for r in records))
    lines = [k for k in LINES if any(r.get("line") == k for r in records)]
    handles = [Line2D([], [], linestyle="", marker="o", markersize=7, label=names.get(k, k),
                      color=_lane({"start": "2000", "kind": k})["colour"]) for k in kinds]
    handles += [Line2D([], [], color="#5b6570", linestyle=DASHES[k][0], linewidth=DASHES[k][1],
                       label=translated(LINES[k], lang)) for k in lines]
    chart.legend(handles=handles, loc="outside lower center", ncol=min(4, len(handles)), frameon=False,
                 fontsize=8)


def _short(label: str, limit: int = 58) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def _fonts(chinese: bool = False) -> list[str]:
    """The font families to draw with: DejaVu Sans, then an installed font that has Chinese characters.

    When Chinese is to be drawn and matplotlib's font list (cached when matplotlib first ran) knows no such
    font, the system's fonts are looked through once for one (a Noto CJK or WenQuanYi file) and added.
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    if chinese and not installed & set(_FONTS[1:]):
        for path in sorted(font_manager.findSystemFonts()):
            if re.search(r"(?i)(NotoSansCJK|SourceHanSans|wqy-zenhei)[^/]*Regular|wqy-zenhei", path):
                font_manager.fontManager.addfont(path)
                installed = {f.name for f in font_manager.fontManager.ttflist}
                break
    return [f for f in _FONTS if f in installed] or ["sans-serif"]


def hover(record: Mapping[str, Any], lang: str = "en") -> str:
    """The hover text of one row: label, dates and status, its source and the source's words, other sources."""
    dates = " – ".join(str(x) for x in (record.get("start"), record.get("end")) if x and not _missing(x))
    state = " · ".join(str(x) for x in (dates, record.get("status"), record.get("certainty"))
                       if x and not _missing(x))
    lines = [str(record.get("label")), state]
    if not _missing(record.get("source_label")):
        lines.append(f"{translated(_WORDS['source'], lang)}: {record['source_label']}")
    if not _missing(record.get("quote")):
        lines.append(f"“{record['quote']}”")
    others = record.get("sources")
    if others and not _missing(others) and ";" in str(others):
        lines.append(f"{translated(_WORDS['sources'], lang)}: {others}")
    return "\n".join(x for x in lines if x)


def _xml(text: str) -> str:
    """Text as XML character data: escaped, without the control characters XML cannot hold."""
    return html.escape(_CONTROL.sub("", text), quote=False)
