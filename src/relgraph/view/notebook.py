"""Light views in notebooks: the drawing's scripts travel once per notebook, each view carries only its data.

A saved view (:meth:`relgraph.view.View.save`) holds everything it needs, about 0.7 MB of it vis-network and style
sheets. A notebook output that did the same would weigh as much for every view, so in a notebook the page is split:

* **the library** (:func:`library_html`): one output holding vis-network, the view's app script and the two style
  sheets as plain text (``<script type="text/plain">`` elements), and a small script
  (``notebook-library.js``) that keeps them in the notebook page. It is sent with the first view shown in a kernel
  session, or by :func:`init`; again when the cell that carried it runs again (its output is then gone), and again
  in a new kernel session;
* **a view** (:func:`view_html`): its data, as gzip in base64 (no ``<`` can close the element that holds it), and
  a sandboxed ``<iframe srcdoc>`` (see :data:`SANDBOX`: scripts, and links opened in a new tab; never the
  notebook's origin) with the page's own markup and a loader (``notebook-frame.js``). The loader asks the notebook
  page for the library by ``postMessage``, unpacks the data and runs the same two scripts as a saved page, under
  the same Content-Security-Policy (by hash: nothing is loaded from anywhere, no other script runs). A view whose
  frame loads before the library waits for it, and says what is missing if it never comes.

The frame keeps the view apart from the notebook's style sheets and scripts and keeps everything the saved page
does: search, legend and theme filters, the time slider, the details panel, the drawers of a narrow width.
Notebook front ends run the scripts of an output only in a trusted notebook (one you ran yourself, or marked with
``jupyter trust``); the HTML written by ``jupyter nbconvert --to html`` runs them when opened, offline too.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
from dataclasses import dataclass
from functools import cache
from typing import Any

from .page import asset, csp, fill, script_json, scripts

__all__ = ["init", "library_html", "library_key", "view_html"]

#: What a view's frame may do: run scripts, and open a source's web address in a new tab, outside the sandbox.
#: Not allowed: the notebook's origin (its cookies, its server), forms, top navigation, downloads.
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
#: The loader that runs in each view's frame, and the script that keeps the library in the notebook page.
FRAME_JS = "notebook-frame.js"
LIBRARY_JS = "notebook-library.js"


@cache
def _parts() -> dict[str, str]:
    """The texts a frame gets from the library, by the name of their ``data-part``."""
    inline = scripts()
    parts = {"vis-js": inline["VIS_JS"], "app-js": inline["APP_JS"],
             "vis-css": asset("vis-network.css"), "app-css": asset("app.css")}
    for name, text in parts.items():
        if "</script" in text.lower() or "<!--" in text:  # pragma: no cover - guards a vendored file update
            raise ValueError(f"{name} cannot be kept in a text element: it contains '</script' or '<!--'")
    return parts


@cache
def library_key() -> str:
    """A short fingerprint of the library and the frame's loader: a view draws with the library of its own key.

    Examples
    --------
    >>> len(library_key())
    16
    """
    digest = hashlib.sha256()
    for text in (*_parts().values(), asset(FRAME_JS), asset(LIBRARY_JS)):
        digest.update(hashlib.sha256(text.encode()).digest())
    return digest.hexdigest()[:16]


def library_html(*, note: bool = False) -> str:
    """The library's output: the texts of vis-network, the app script and the style sheets, and the script that
    hands them to the views. Shown by itself it is invisible unless ``note`` asks for a line saying what it is.

    Examples
    --------
    >>> library_html().startswith(f'<div class="relgraph-library" data-relgraph-library="{library_key()}" ')
    True
    """
    key = library_key()
    words = ("relgraph: the script that draws the network views is in this output, once for the notebook "
             "(keep it above the views)")
    head = (f'<div class="relgraph-library" data-relgraph-library="{key}" '
            + ('style="font:12px system-ui,sans-serif;color:#6b7280">' + html.escape(words) if note
               else 'style="display:none">'))
    texts = "".join(f'<script type="text/plain" data-part="{name}">{text}</script>'
                    for name, text in _parts().items())
    return f"{head}{texts}<script>\n{asset(LIBRARY_JS)}</script></div>"


def pack(data: dict[str, Any]) -> str:
    """The view's data as JSON, gzip-compressed (reproducibly: no time stamp) and base64-encoded.

    Examples
    --------
    >>> import json
    >>> json.loads(gzip.decompress(base64.b64decode(pack({"a": "</script>"}))))
    {'a': '</script>'}
    """
    return base64.b64encode(gzip.compress(script_json(data).encode(), compresslevel=9, mtime=0)).decode("ascii")


@cache
def _frame_page(lang: str, title: str) -> str:
    """The page in a view's frame: the saved page's markup, the loader as its only script, no data."""
    loader = f"\n{asset(FRAME_JS)}\n"
    return fill({
        "CSP": csp([loader, *scripts().values()]),
        "LANG": html.escape(lang, quote=True),
        "TITLE": html.escape(title, quote=True),
        "VIS_CSS": "", "APP_CSS": "",
        "VIS_JS": loader, "APP_JS": "",
        "DATA": "",
    })


def view_html(data: dict[str, Any], *, title: str, height: int = 720) -> str:
    """One view's output: its packed data and the sandboxed frame that draws it with the notebook's library.

    Examples
    --------
    >>> out = view_html({"title": "<b>", "lang": "en", "nodes": [], "edges": []}, title="<b>")
    >>> '<iframe class="relgraph-frame"' in out and f'sandbox="{SANDBOX}"' in out and "<b>" not in out
    True
    """
    page = _frame_page(str(data.get("lang", "en")), str(data.get("title", title)))
    return (f'<div class="relgraph-view">'
            f'<script type="text/plain" class="relgraph-data" data-encoding="gzip+base64">{pack(data)}</script>'
            f'<iframe class="relgraph-frame" data-library="{library_key()}" sandbox="{SANDBOX}" '
            f'title="{html.escape(title, quote=True)}" srcdoc="{html.escape(page, quote=True)}" '
            f'style="display:block;width:100%;height:{int(height)}px;border:1px solid #d9dee5;border-radius:4px">'
            f'</iframe></div>')


@dataclass
class Shipment:
    """Whether this kernel session has sent the library to the notebook, and in which cell (when the notebook
    front end names its cells, as JupyterLab does): when that cell runs again its output, the library with it,
    is replaced, so the library must travel again."""

    sent: bool = False
    cell: str | None = None
    hooked: bool = False

    def forget_if_rerun(self, info: Any) -> None:
        """IPython's ``pre_run_cell`` event: the cell that carried the library runs again."""
        cell = getattr(info, "cell_id", None)
        if self.sent and cell is not None and cell == self.cell:
            self.sent = False


#: The state of this kernel session (a kernel restart starts a new process, hence a new session).
SESSION = Shipment()


def _shell() -> Any:
    """The running IPython shell, or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebook extra
        return None
    return get_ipython()


def _cell_id(shell: Any) -> str | None:
    """The id of the cell running now, when the kernel knows it (ipykernel passes JupyterLab's ``cellId``)."""
    kernel = getattr(shell, "kernel", None)
    try:
        parent = kernel.get_parent() if kernel is not None else {}
    except Exception:  # noqa: BLE001 - an older or other kernel: no cell id, no re-run detection
        return None
    cell = (parent or {}).get("metadata", {}).get("cellId")
    return str(cell) if cell else None


def _sent(shell: Any) -> None:
    SESSION.sent, SESSION.cell = True, _cell_id(shell)
    if not SESSION.hooked:
        shell.events.register("pre_run_cell", SESSION.forget_if_rerun)
        SESSION.hooked = True


def shown(data: dict[str, Any], *, title: str, height: int = 720) -> str:
    """The HTML a notebook shows for a view: :func:`view_html`, after the library if this session has not sent it.

    Outside IPython the library always comes along, so that the HTML draws wherever it is put.
    """
    shell = _shell()
    library = ""
    if shell is None or not SESSION.sent:
        library = library_html()
        if shell is not None:
            _sent(shell)
    return library + view_html(data, title=title, height=height)


def init() -> None:
    """Send the library to the notebook now, in this cell's output, with a line saying what it is.

    Views send it by themselves with the first one shown; call this when that output was deleted or cleared.

    Examples
    --------
    >>> import relgraph.view.notebook                                   # doctest: +SKIP
    >>> relgraph.view.notebook.init()                                   # doctest: +SKIP
    """
    from IPython.display import display

    display({"text/html": library_html(note=True), "text/plain": "relgraph view library"}, raw=True)
    shell = _shell()
    if shell is not None:
        _sent(shell)
