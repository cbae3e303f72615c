"""Light views in notebooks (relgraph.view.notebook): what a view's output holds, when the library travels, and the
whole way of a notebook: executed (the extension loaded, a %%sparql cell, ten views of the seed, a timeline),
weighed, converted by ``jupyter nbconvert --to html`` and opened offline in headless Chromium, where every view
must draw."""

from __future__ import annotations

import base64
import contextlib
import gzip
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import relgraph
from relgraph.view import notebook
from relgraph.view.page import csp, scripts

from .conftest import DATA

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = '</script><script>window.__pwned=1</script><!--"\'&'


@pytest.fixture(scope="module")
def g() -> relgraph.Dataset:
    return relgraph.open(DATA)


def srcdoc(output: str) -> str:
    return html.unescape(re.search(r'srcdoc="([^"]*)"', output).group(1))


def test_a_view_carries_its_data_and_a_sandboxed_frame_but_no_library(g: relgraph.Dataset) -> None:
    v = g.view()
    out = notebook.view_html(v.data, title=v.title, height=v.height)
    assert len(out) < 60_000 < 700_000 < len(v.html)                     # the whole seed, light
    island = re.search(r'<script type="text/plain" class="relgraph-data" data-encoding="gzip\+base64">'
                       r"([A-Za-z0-9+/=]+)</script><iframe ", out)
    assert json.loads(gzip.decompress(base64.b64decode(island.group(1)))) == v.data
    frame = re.search(r"<iframe [^>]*>", out).group(0)
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in frame
    assert "allow-same-origin" not in frame
    assert not re.search(r"\s(src|href)\s*=", re.sub(r'srcdoc="[^"]*"', "", out))
    page = srcdoc(out)
    assert "vis.Network" not in page and "relgraph-data\"></script>" in page        # no library, no data inside
    loader = "\n" + (Path(notebook.__file__).parent / notebook.FRAME_JS).read_text(encoding="utf-8") + "\n"
    assert f'content="{csp([loader, *scripts().values()])}"' in page                # the saved page's scripts only
    assert "default-src 'none'" in page


def test_every_text_is_escaped(g: relgraph.Dataset) -> None:
    v = g.view(focus="DOFTEC", title=HOSTILE)
    out = notebook.view_html(v.data, title=v.title)
    outside = re.sub(r'srcdoc="[^"]*"', "", out)
    assert 'title="&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;!--&quot;&#x27;&amp;"' in outside
    assert outside.count("<script") == 1 and "<!--" not in out and "<script>window" not in outside
    page = srcdoc(out)
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;!--" in page
    assert "<script>window.__pwned" not in page


def test_the_library_holds_the_saved_pages_scripts_as_text() -> None:
    lib = notebook.library_html()
    parts = dict(re.findall(r'<script type="text/plain" data-part="([\w-]+)">(.*?)</script>', lib, re.S))
    assert parts["vis-js"] == scripts()["VIS_JS"] and parts["app-js"] == scripts()["APP_JS"]
    assert set(parts) == {"vis-js", "app-js", "vis-css", "app-css"}
    assert re.search(r'^<div class="relgraph-library" data-relgraph-library="[0-9a-f]{16}" style="display:none">', lib)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", lib, re.I)
    assert not re.search(r"//[\w.-]*(cdn|unpkg|jsdelivr|googleapis)", lib, re.I)


def test_a_view_waits_for_the_library_and_says_why_it_is_empty(g: relgraph.Dataset, tmp_path: Path) -> None:
    """A view before its library (a notebook whose cells were moved, or whose library output was deleted): it says
    what is missing, and draws as soon as the library comes."""
    if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    v = g.view(focus="DOFTEC")
    path = tmp_path / "late.html"
    path.write_text(f"<!DOCTYPE html><meta charset=utf-8><body>{notebook.view_html(v.data, title=v.title)}",
                    encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(path.as_uri())
        frame = page.locator("iframe.relgraph-frame").element_handle().content_frame()
        frame.wait_for_function("() => document.getElementById('network').textContent.includes('notebook.init()')",
                                timeout=10_000)
        # the library arrives later (as a notebook output does): its script runs, greets the frame, which asks
        page.evaluate("html => document.body.append(document.createRange().createContextualFragment(html))",
                      notebook.library_html())
        frame.wait_for_function("() => window.relgraph && window.relgraph.ready === true", timeout=20_000)
        assert frame.evaluate("() => relgraph.nodeView.length") == v.nodes
        assert "notebook.init()" not in frame.evaluate("() => document.getElementById('network').textContent")
        browser.close()


class FakeShell:
    """Enough of an IPython shell for the library's bookkeeping: events, and a kernel naming the running cell."""

    def __init__(self) -> None:
        self.hooks: list[Any] = []
        self.cell: str | None = None
        self.events = SimpleNamespace(register=lambda name, f: self.hooks.append(f))
        self.kernel = SimpleNamespace(get_parent=lambda: {"metadata": {"cellId": self.cell} if self.cell else {}})

    def run(self, cell: str, v: relgraph.view.View) -> bool:
        """Run a cell showing ``v``; whether its output carries the library."""
        self.cell = cell
        for hook in self.hooks:
            hook(SimpleNamespace(cell_id=cell))
        return "relgraph-library" in v._repr_html_()


def test_the_library_travels_once_per_session_and_again_with_its_cell(g: relgraph.Dataset, monkeypatch) -> None:
    shell = FakeShell()
    monkeypatch.setattr(notebook, "_shell", lambda: shell)
    monkeypatch.setattr(notebook, "SESSION", notebook.Shipment())
    v = g.view(focus="DOFTEC")
    assert [shell.run(c, v) for c in ("a", "b", "c", "b")] == [True, False, False, False]
    assert len(shell.hooks) == 1
    assert shell.run("a", v)            # the cell that carried it runs again: its output, the library with it, is gone
    assert not shell.run("b", v)
    monkeypatch.setattr(notebook, "SESSION", notebook.Shipment())       # a kernel restart: a new process
    assert shell.run("c", v) and not shell.run("a", v)
    monkeypatch.setattr(notebook, "_shell", lambda: None)               # outside IPython: always self-sufficient
    assert "relgraph-library" in v._repr_html_() and "relgraph-library" in v._repr_html_()


class Kernel:
    """A real IPython kernel, asked as JupyterLab asks it: each execute request names its cell (``cellId``)."""

    def __init__(self) -> None:
        from jupyter_client.manager import start_new_kernel

        self.manager, self.client = start_new_kernel(kernel_name="python3")

    def run(self, code: str, cell: str) -> list[str]:
        """Run ``code`` as the cell ``cell``; the HTML of its outputs."""
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
                   "stop_on_error": True}
        msg = self.client.session.msg("execute_request", content, metadata={"cellId": cell})
        self.client.shell_channel.send(msg)
        shown: list[str] = []
        while True:
            reply = self.client.get_iopub_msg(timeout=60)
            if reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            kind, body = reply["msg_type"], reply["content"]
            assert kind != "error", "\n".join(body["traceback"])
            if kind in ("execute_result", "display_data"):
                shown.append(body["data"].get("text/html", ""))
            if kind == "status" and body["execution_state"] == "idle":
                return shown

    def libraries(self, code: str, cell: str) -> int:
        return sum(h.count('class="relgraph-library"') for h in self.run(code, cell))

    def restart(self) -> None:
        self.manager.restart_kernel(now=True)
        self.client.wait_for_ready(timeout=60)

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.mark.notebook
def test_in_a_kernel_the_library_follows_its_cell_and_comes_again_after_a_restart() -> None:
    pytest.importorskip("jupyter_client")
    kernel = Kernel()
    try:
        setup = f"import relgraph\ng = relgraph.open({str(DATA)!r})\nv = g.view(focus='DOFTEC')"
        assert kernel.libraries(setup, "setup") == 0
        assert [kernel.libraries("v", cell) for cell in "abcb"] == [1, 0, 0, 0]
        assert kernel.libraries("display(v, v)", "a") == 1     # cell a runs again: its output, the library, is gone
        assert kernel.libraries("v", "c") == 0
        kernel.restart()
        assert kernel.libraries(setup, "setup") == 0
        assert [kernel.libraries("v", cell) for cell in "cbc"] == [1, 0, 1]
        assert kernel.libraries("from relgraph.view import notebook\nnotebook.init()", "init") == 1
        assert kernel.libraries("v", "c") == 0
    finally:
        kernel.close()


# ---- a notebook, executed, weighed, converted and opened offline ---------------------------------------------------

VIEWS = ['g.view()', 'g.view(lang="nl")', 'g.view(lang="zh")', 'g.view(as_of=2015)', 'g.view(as_of="2019-06")',
         'g.view(as_of=2023)', 'g.view(preset="mission")', 'g.view(preset="agreements")',
         'g.view(focus="DOFTEC", depth=2)', 'g.view(focus="Guangdong", depth=1, lang="zh")']
COUNT = re.compile(r"<View .* · (\d+) entities · (\d+) relations")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The notebook of issue 13's "done when", executed by nbclient and saved."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from nbformat.v4 import new_code_cell, new_notebook

    cells = [new_code_cell(f"import relgraph\ng = relgraph.open({str(DATA)!r})"),
             new_code_cell("%load_ext relgraph"),
             new_code_cell("%%sparql -g g\nSELECT ?agreement ?kind WHERE { ?agreement rg:agreementKind ?kind }"),
             *(new_code_cell(code) for code in VIEWS),
             new_code_cell("g.timeline().plot()")]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}})
    folder = tmp_path_factory.mktemp("notebook")
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(folder)}}
                            ).execute()
    path = folder / "ten-views.ipynb"
    nbformat.write(nb, path)
    return path, nb


def outputs(nb: Any, mime: str) -> list[str]:
    return [o["data"][mime] for c in nb.cells for o in c.get("outputs", []) if mime in o.get("data", {})]


@pytest.mark.notebook
def test_ten_views_weigh_under_2_mb_with_the_library_once(executed: tuple[Path, Any]) -> None:
    path, nb = executed
    errors = [o for c in nb.cells for o in c.outputs if o.get("output_type") == "error"]
    assert not errors
    assert path.stat().st_size < 2_000_000, f"{path.stat().st_size:,} bytes"
    shown = outputs(nb, "text/html")
    assert sum("relgraph-library" in h for h in shown) == 1
    assert sum('class="relgraph-view"' in h for h in shown) == len(VIEWS)
    assert "relgraph-library" in next(h for h in shown if "relgraph-view" in h)      # with the first view
    assert "<table" in shown[0] and "structural cooperation" in shown[0]               # the %%sparql cell
    assert len(outputs(nb, "image/png")) == 1                                          # the timeline


@pytest.fixture(scope="module")
def converted(executed: tuple[Path, Any]) -> Path:
    pytest.importorskip("nbconvert")
    path, _ = executed
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(path)], check=True,
                   capture_output=True, text=True)
    return path.with_suffix(".html")


@pytest.mark.notebook
@pytest.mark.browser
def test_the_nbconvert_html_draws_every_view_offline(executed: tuple[Path, Any], converted: Path,
                                                      tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from nbconvert import HTMLExporter

    # nbconvert's own page asks two CDNs (require.js and MathJax, which views do not use); nothing else may be asked
    template = {HTMLExporter().require_js_url, HTMLExporter().mathjax_url}
    counts = [tuple(map(int, COUNT.search(t).groups())) for t in outputs(executed[1], "text/plain") if "<View " in t]
    assert len(counts) == len(VIEWS)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        asked: list[str] = []
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "ERR_FAILED" not in m.text
                else None)

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                asked.append(r.request.url)
                r.abort()

        page.context.route("**/*", route)
        page.goto(converted.as_uri())
        frames = page.locator("iframe.relgraph-frame")
        assert frames.count() == len(VIEWS)
        for i, (nodes, edges) in enumerate(counts):
            handle = frames.nth(i).element_handle()
            handle.scroll_into_view_if_needed()      # Chromium draws a frame only once it is on screen
            frame = handle.content_frame()
            # a function, not an expression: Playwright polls an expression with eval, which the frame's CSP forbids
            frame.wait_for_function("() => window.relgraph && window.relgraph.ready === true", timeout=20_000)
            # a frame can be resized (which clears its canvas) after its first drawing; vis-network draws again on
            # the next animation frame, so the ink is awaited, not sampled once
            ink = """() => {
                const c = document.querySelector('#network canvas');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let ink = 0;
                for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && px[i] + px[i + 1] + px[i + 2] < 600) ink++;
                return ink;
            }"""
            with contextlib.suppress(sync_api.TimeoutError):  # the assertion below reports what was drawn
                frame.wait_for_function(f"() => ({ink})() > 2000", timeout=10_000)
            drawn = frame.evaluate(f"""() => ({{
                ink: ({ink})(), nodes: relgraph.nodes.length, shown: relgraph.nodeView.length,
                edges: relgraph.edges.length, origin: window.origin,
                caption: document.getElementById('caption').textContent }})""")
            assert (drawn["nodes"], drawn["edges"]) == (nodes, edges), VIEWS[i]
            assert drawn["shown"] == nodes and drawn["ink"] > 2_000, (VIEWS[i], drawn)
            assert drawn["origin"] == "null"                                 # sandboxed: not the notebook's origin
            assert re.search(r"(\d+) \w+, (\d+) \w+$", drawn["caption"]).groups() == (str(nodes), str(edges))
        frames.nth(VIEWS.index('g.view(focus="DOFTEC", depth=2)')).evaluate(
            "f => { f.closest('.jp-Cell').scrollIntoView(); window.scrollBy(0, -12); }")
        shot = tmp_path / "notebook-views.png"
        page.screenshot(path=str(shot))
        if os.environ.get("RELGRAPH_SCREENSHOTS"):
            Path(os.environ["RELGRAPH_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(os.environ["RELGRAPH_SCREENSHOTS"]) / shot.name)
        browser.close()
    assert set(asked) <= template, asked
    assert not problems, problems
