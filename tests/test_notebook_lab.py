"""Light views in JupyterLab itself: a JupyterLab server the test starts (its own settings and trust database in a
temporary folder, a free port on 127.0.0.1) and headless Chromium with every other request refused. The notebook is
run there cell by cell, as an analyst runs it; the first view's output carries the library; the cell that carried it
runs again; the notebook is saved, then opened anew, and every view draws again from the saved outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from relgraph.view.notebook import library_key

from .conftest import DATA
from .servers import free_port

pytestmark = [pytest.mark.notebook, pytest.mark.browser, pytest.mark.jupyterlab]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
TOKEN = "relgraph-test"
VIEWS = ['g.view(focus="DOFTEC", depth=1)', 'g.view(preset="agreements")', 'g.view(focus="Guangdong", lang="zh")']

if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (pip install jupyterlab)")
nbformat = pytest.importorskip("nbformat")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A JupyterLab server on a free port, serving a folder with one notebook not yet run; its address and folder."""
    from nbformat.v4 import new_code_cell, new_notebook

    home = tmp_path_factory.mktemp("lab")
    work = home / "work"
    work.mkdir()
    cells = [new_code_cell(f"import relgraph\ng = relgraph.open({str(DATA)!r})"), new_code_cell("%load_ext relgraph"),
             *(new_code_cell(code) for code in VIEWS)]
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(new_notebook(cells=cells, metadata=kernel), work / "views.ipynb")
    env = {**os.environ, **{name: str(home / name.lower()) for name in (
        "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
        "JUPYTERLAB_WORKSPACES_DIR")}}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
                               "--ip=127.0.0.1", f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={work}",
                               "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=",
                               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{address}/api/status?token={TOKEN}", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("JupyterLab did not start") from None
                time.sleep(0.3)
        yield address, work
    finally:
        # the server's own way out, which stops its kernels at once; a signal would wait for them
        try:
            request = urllib.request.Request(f"{address}/api/shutdown", method="POST",
                                             headers={"Authorization": f"token {TOKEN}"})
            urllib.request.urlopen(request, timeout=10).close()
            server.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            server.terminate()
            server.wait(timeout=30)


class Lab:
    """One JupyterLab page in Chromium, offline: only the server's own address may be asked."""

    def __init__(self, browser: Any, address: str) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.asked: list[str] = []
        self.page.context.route("**/*", self._route(address))
        self.page.goto(f"{address}/lab/tree/views.ipynb?token={TOKEN}")
        self.page.wait_for_function("() => window.jupyterapp && jupyterapp.shell.currentWidget"
                                    " && jupyterapp.shell.currentWidget.context"
                                    " && jupyterapp.shell.currentWidget.context.isReady", timeout=60_000)
        self.page.wait_for_function("() => jupyterapp.shell.currentWidget.sessionContext.session?.kernel"
                                    "?.connectionStatus === 'connected'", timeout=60_000)

    def _route(self, address: str) -> Any:
        def route(r: Any) -> None:
            if r.request.url.startswith((address, "data:", "blob:")):
                r.continue_()
            else:
                self.asked.append(r.request.url)
                r.abort()
        return route

    def command(self, name: str, **args: Any) -> None:
        self.page.evaluate("([name, args]) => jupyterapp.commands.execute(name, args)", [name, args])

    def run_cell(self, index: int) -> None:
        """Run one cell, as shift-enter does, and wait until the kernel is done with it."""
        self.page.evaluate("i => { jupyterapp.shell.currentWidget.content.activeCellIndex = i; }", index)
        self.command("notebook:run-cell")
        self.page.wait_for_function(
            "i => { const c = jupyterapp.shell.currentWidget.content.widgets[i];"
            " return c.model.executionCount !== null && !c.node.querySelector('.jp-InputPrompt').textContent"
            ".includes('*'); }", arg=index, timeout=60_000)

    def libraries(self) -> int:
        return self.page.locator(".relgraph-library").count()

    def drawn(self) -> list[int]:
        """Each view's entity count, once its frame has drawn. Each view's cell is scrolled to first: JupyterLab
        renders only the cells near the screen, and Chromium draws only the frames on it."""
        counts = []
        for index in range(2, 2 + len(VIEWS)):
            self.page.evaluate("i => { const nb = jupyterapp.shell.currentWidget.content;"
                               " return nb.scrollToCell(nb.widgets[i]); }", index)
            cell = self.page.evaluate_handle("i => jupyterapp.shell.currentWidget.content.widgets[i].node", index)
            iframe = cell.as_element().wait_for_selector("iframe.relgraph-frame", timeout=30_000)
            iframe.scroll_into_view_if_needed()
            frame = iframe.content_frame()
            frame.wait_for_function("() => window.relgraph && window.relgraph.ready === true", timeout=30_000)
            counts.append(frame.evaluate("() => relgraph.nodeView.length"))
        return counts


def saved(work: Path) -> list[str]:
    nb = json.loads((work / "views.ipynb").read_text(encoding="utf-8"))
    return [o["data"]["text/html"] if isinstance(o["data"]["text/html"], str) else "".join(o["data"]["text/html"])
            for c in nb["cells"] for o in c.get("outputs", []) if "text/html" in o.get("data", {})]


def test_views_draw_in_jupyterlab_when_run_and_when_reopened(lab: tuple[str, Path]) -> None:
    address, work = lab
    import relgraph

    g = relgraph.open(DATA)
    expected = [eval(code, {"g": g}).nodes for code in VIEWS]  # noqa: S307 - the test's own three calls
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = Lab(browser, address)
        for i in range(2 + len(VIEWS)):
            page.run_cell(i)
        assert page.libraries() == 1
        assert page.drawn() == expected
        page.run_cell(2)                  # the cell that carried the library runs again: it carries it again
        assert page.drawn() == expected and page.libraries() == 1
        page.command("docmanager:save")
        page.page.wait_for_function("() => !jupyterapp.shell.currentWidget.context.model.dirty", timeout=30_000)
        assert [h.count('class="relgraph-library"') for h in saved(work) if "relgraph-" in h] == [1, 0, 0]
        asked = page.asked
        page.page.close()

        reopened = Lab(browser, address)                  # outputs rendered from the saved notebook
        assert reopened.drawn() == expected
        assert reopened.page.evaluate("Object.keys(window.relgraphViews)") == [library_key()]
        asked += reopened.asked
        browser.close()
    assert not asked, asked
