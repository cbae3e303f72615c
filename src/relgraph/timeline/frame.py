"""The timeline as a pandas DataFrame that draws itself: :class:`Timeline`.

Imported only when a timeline is asked for as a frame, so that pandas stays out of ``import relgraph``.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
from pandas.plotting import PlotAccessor


class Timeline(pd.DataFrame):
    """One row per dated relation and entity (see :func:`relgraph.timeline.rows`), as a DataFrame.

    ``.plot()`` draws the lane chart (:func:`relgraph.timeline.plot`); pandas' own plots stay at hand as
    ``.plot.bar(...)``, ``.plot.scatter(...)`` and so on. A slice or a filter is a Timeline too, so
    ``tl[tl.kind == "decision"].plot()`` draws only the decisions. ``attrs`` holds ``lang`` and ``as_of``.

    Examples
    --------
    >>> tl = relgraph.open("data").timeline()                               # doctest: +SKIP
    >>> tl.plot("timeline.svg")                                             # doctest: +SKIP
    """

    @property
    def _constructor(self) -> type[Timeline]:
        return Timeline

    @property  # type: ignore[override]
    def plot(self) -> _Plot:
        """Call to draw the lane chart; use an attribute (``.plot.bar``) for pandas' own plots."""
        return _Plot(self)


class _Plot:
    """``Timeline.plot``: called, the lane chart; otherwise pandas' plot accessor."""

    def __init__(self, frame: Timeline) -> None:
        self._frame = frame

    def __call__(self, path: str | os.PathLike[str] | None = None, *, title: str | None = None,
                 lang: str | None = None) -> Any:
        from .plotting import plot

        return plot(self._frame, path, title=title, lang=lang)

    def __getattr__(self, name: str) -> Any:
        return getattr(PlotAccessor(self._frame), name)
