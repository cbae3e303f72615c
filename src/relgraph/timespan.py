"""Dates as the sources give them (a day, a month, a year) and whether a relation held on a given day.

A source often knows only a year (``1995``) or a month (``2013-11``). :func:`span` turns such a value into the
first and last day it can mean, so that "held on 2015-01-01" is decided without pretending to more precision.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal as L

from .errors import ParameterError

Held = L["held", "not yet", "ended", "undated"]


def span(value: object) -> tuple[dt.date, dt.date] | None:
    """First and last day a date value can mean: ``"2013-11"`` -> 1 Nov to 30 Nov 2013. None if not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?)?"
                     r"(?:Z|[+-]\d{2}:\d{2})?", text)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d
        if month:
            first = dt.date(year, int(month), 1)
            after = dt.date(year + 1, 1, 1) if first.month == 12 else first.replace(month=first.month + 1)
            return first, after - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def parse_day(value: object) -> dt.date:
    """A day given by a person: ``2015-01-01``, ``2015-06`` (its first day), ``2015`` or the int 2015 (1 January),
    or a ``datetime.date``.

    Raises :class:`ParameterError` for anything else.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ParameterError(f"as_of must be a date, a year or text such as '2015-06-01', not {value!r}")
    text = str(value).strip()
    s = span(text) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None
    if s is None:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
        raise ParameterError(f"not a date: {shown!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return s[0]


def held_on(start: object, end: object, day: dt.date) -> Held:
    """Whether something with this start and end held on ``day``.

    ``"undated"`` when neither end is known; a known start after ``day`` gives ``"not yet"``, a known end
    before it ``"ended"``. An open end (start known, end unknown) counts as still holding.
    """
    s, e = span(start), span(end)
    if s is None and e is None:
        return "undated"
    if s is not None and s[0] > day:
        return "not yet"
    if e is not None and e[1] < day:
        return "ended"
    return "held"
