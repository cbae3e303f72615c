"""The HTML page of a view: relgraph's own template with vis-network, the app script and the data inline.

The page loads nothing from anywhere: vis-network (vendored, 9.1.2), its style sheet, the app script and style,
and the data are all written into the one file. Data goes in as JSON inside a ``<script type="application/json">``
element, escaped so that no string can close the element (see :func:`script_json`); the app builds every
visible text with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources
from typing import Any

_SLOT = re.compile(r"/\*\{\{(\w+)\}\}\*/|\{\{(\w+)\}\}")


@cache
def asset(name: str) -> str:
    """The text of a file shipped in ``relgraph/view`` (the template, scripts and style sheets)."""
    return resources.files("relgraph.view").joinpath(name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and U+2029 are escaped.

    Examples
    --------
    >>> script_json({"a": "</script>"})
    '{"a": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def render(data: dict[str, Any]) -> str:
    """The whole page for the data made by :func:`relgraph.view.build.page_data`.

    Examples
    --------
    >>> page = render({"title": "<b>", "lang": "en", "nodes": [], "edges": []})
    >>> "<title>&lt;b&gt;</title>" in page
    True
    """
    for name in ("vis-network.min.js", "app.js"):
        if "</script" in asset(name).lower():  # pragma: no cover - guards a vendored file update
            raise ValueError(f"{name} cannot be inlined: it contains '</script'")
    slots = {
        "LANG": html.escape(str(data.get("lang", "en")), quote=True),
        "TITLE": html.escape(str(data.get("title", "")), quote=True),
        "VIS_CSS": asset("vis-network.css"),
        "APP_CSS": asset("app.css"),
        "VIS_JS": asset("vis-network.min.js"),
        "APP_JS": asset("app.js"),
        "DATA": script_json(data),
    }
    # one pass, so that text put into one slot is never read as another slot
    return _SLOT.sub(lambda m: slots[m.group(1) or m.group(2)], asset("template.html"))
