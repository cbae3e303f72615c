"""The HTML page of a view: relgraph's own template with vis-network, the app script and the data inline.

The page loads nothing from anywhere: vis-network (vendored, 9.1.2), its style sheet, the app script and style,
and the data are all written into the one file. Data goes in as JSON inside a ``<script type="application/json">``
element, escaped so that no string can close the element (see :func:`script_json`); the app builds every
visible text with ``textContent``, never ``innerHTML``. The app script is the bundle of the modules in
``relgraph/view/js`` (see :mod:`relgraph.view.bundle`). The page's Content-Security-Policy runs only these two
scripts, named by their SHA-256 hashes (see :func:`csp`): a script or handler that found its way into the page
some other way would not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from .bundle import page_script

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


def csp(scripts: list[str]) -> str:
    """The Content-Security-Policy of a page whose inline scripts are exactly ``scripts``: nothing may load, only
    those scripts run (by hash; the JSON data block is not a script that runs), inline styles are allowed
    (vis-network sets style attributes), images and fonts only from ``data:`` addresses.

    Examples
    --------
    >>> csp(["alert(1)"])
    "default-src 'none'; script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; style-src 'unsafe-inline'; \
img-src data:; font-src data:"
    """
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:"


@cache
def scripts() -> dict[str, str]:
    """The page's two scripts exactly as written into it: ``VIS_JS`` (vis-network) and ``APP_JS`` (the app).

    A notebook view (see :mod:`relgraph.view.notebook`) runs these same texts, so they keep the same hashes.
    """
    found = {"VIS_JS": f"\n{asset('vis-network.min.js')}\n", "APP_JS": f"\n{page_script()}\n"}
    for name, text in found.items():
        # the browser must read each script exactly as written, or its hash would not match (HTML turns CR LF
        # into LF) and the rest of the page would become script text
        if "</script" in text.lower() or "<!--" in text or "\r" in text:  # pragma: no cover - a vendored update
            raise ValueError(f"{name} cannot be inlined: it contains '</script', '<!--' or a carriage return")
    return found


def fill(slots: dict[str, str]) -> str:
    """The template with each ``{{NAME}}`` (or ``/*{{NAME}}*/``) slot replaced by ``slots[NAME]``, as written.

    Every slot must be given; the values must already be escaped for where they go.
    """
    # one pass, so that text put into one slot is never read as another slot
    return _SLOT.sub(lambda m: slots[m.group(1) or m.group(2)], asset("template.html"))


def render(data: dict[str, Any]) -> str:
    """The whole page for the data made by :func:`relgraph.view.build.page_data`.

    Examples
    --------
    >>> page = render({"title": "<b>", "lang": "en", "nodes": [], "edges": []})
    >>> "<title>&lt;b&gt;</title>" in page
    True
    """
    inline = scripts()
    return fill({
        "CSP": csp(list(inline.values())),  # quotes, letters and base64: nothing to escape in an attribute
        "LANG": html.escape(str(data.get("lang", "en")), quote=True),
        "TITLE": html.escape(str(data.get("title", "")), quote=True),
        "VIS_CSS": asset("vis-network.css"),
        "APP_CSS": asset("app.css"),
        **inline,
        "DATA": script_json(data),
    })
