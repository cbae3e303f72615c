"""Checks of the values a person passes to relgraph's functions: whole numbers and days. Each raises
:class:`~relgraph.errors.ParameterError` with one line naming the argument, before any work is done.
"""

from __future__ import annotations

import datetime as dt
import operator
import re

from .errors import ParameterError
from .timespan import parse_day


def as_of_day(as_of: object) -> dt.date | None:
    """``as_of`` read once into a day (None stays None); what a day is, :func:`relgraph.timespan.parse_day` decides.

    Examples
    --------
    >>> as_of_day(2015), as_of_day("2015-06"), as_of_day(None)
    (datetime.date(2015, 1, 1), datetime.date(2015, 6, 1), None)
    """
    return None if as_of is None else parse_day(as_of)


def whole_number(value: object, name: str, *, low: int, high: int | None = None) -> int:
    """``value`` as an int: an int, or text of one (``"2"``), within ``low`` to ``high``; else
    :class:`ParameterError` (``"depth must be a whole number from 0 to 10, not '2.5'"``).

    Examples
    --------
    >>> whole_number("2", "depth", low=0, high=10)
    2
    """
    number: int | None = None
    if isinstance(value, str):
        if re.fullmatch(r"\s*[+-]?\d+\s*", value):
            number = int(value)
    elif not isinstance(value, bool):
        try:
            number = operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            number = None
    if number is not None and number >= low and (high is None or number <= high):
        return number
    allowed = f"from {low} to {high}" if high is not None else f"{low} or more"
    raise ParameterError(f"{name} must be a whole number {allowed}, not {value!r}")
