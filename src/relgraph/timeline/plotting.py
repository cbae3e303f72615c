"""Drawing a timeline frame as a lane chart (the work is :mod:`.chart`'s; this is its door, without pandas)."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from ..arguments import as_of_day
from ..errors import RelgraphError

if TYPE_CHECKING:  # pragma: no cover
    from .chart import TimelineChart


def plot(frame: Any, path: str | os.PathLike[str] | None = None, *, title: str | None = None,
         lang: str | None = None, as_of: str | int | dt.date | None = None) -> TimelineChart:
    """Draw a timeline (a :func:`timeline` frame, or records with its columns) as a lane chart.

    One lane per row, in time: a span from start to end, a point for a single date, an arrow to the right edge
    for what is active with no end. Colour tells the kind (as in the view), line style the status: active
    solid, ended dotted, intended dashed. With ``path`` (``.svg`` or ``.png``) the picture is written there,
    atomically; an SVG gives every mark a ``<title>`` with its source and quote, shown on hover. Returns the
    chart, a matplotlib ``Figure`` (shown inline in Jupyter). ``lang`` (the words of the chart) and ``as_of``
    (marked by a line) default to those the frame was made with.

    Raises :class:`~relgraph.errors.ExportError` for another extension, a path that cannot be written, or a
    timeline with no rows.

    Examples
    --------
    >>> plot(relgraph.open("data").timeline(), "timeline.png")          # doctest: +SKIP
    """
    try:
        from .chart import draw
    except ImportError:
        raise RelgraphError("drawing a timeline needs matplotlib: pip install 'relgraph[notebook]'") from None

    day = as_of_day(as_of)
    chart = draw(frame, title=title, lang=lang, as_of=day.isoformat() if day else None)
    if path is not None:
        chart.save(path)
    return chart
