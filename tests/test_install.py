"""relgraph anywhere: a wheel built from the checkout, installed in a fresh environment, answers in an empty folder.

The fresh environment sees the wheel and relgraph's dependencies (borrowed from the test environment through a
.pth file, so that nothing is downloaded), but not the checkout: the seed data, ontology, shapes, named queries
and presets must come from inside the wheel.
"""

from __future__ import annotations

import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its python."""
    tmp = tmp_path_factory.mktemp("install")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp / "dist")],
                   check=True, capture_output=True)
    (wheel,) = (tmp / "dist").glob("relgraph-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp / "venv")], check=True)
    python = tmp / "venv" / "bin" / "python"
    fresh_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                     check=True, capture_output=True, text=True).stdout.strip())
    with zipfile.ZipFile(wheel) as z:
        z.extractall(fresh_site)
    (fresh_site / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return python


def relgraph_in(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(python), "-c", "from relgraph.cli import main; main()", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})


def test_the_wheel_carries_the_seed(installed, tmp_path):
    where = subprocess.run([str(installed), "-c", "import relgraph; print(relgraph.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert str(ROOT / "src") not in where  # the wheel's relgraph, not the checkout's


def test_query_and_view_in_an_empty_folder(installed, tmp_path):
    result = relgraph_in(installed, tmp_path, "query", "agreements", "-f", "tsv")
    assert result.returncode == 0, result.stderr
    assert "Structural cooperation with DOFTEC (2013)" in result.stdout
    view = relgraph_in(installed, tmp_path, "view", "-o", "relationship.html")
    assert view.returncode == 0, view.stderr
    page = (tmp_path / "relationship.html").read_text(encoding="utf-8")
    assert "The sister-province relationship Utrecht – Guangdong" in page  # the shipped preset's title
    assert str(tmp_path) not in page and "file://" not in page  # no local path reaches the view


def test_init_then_validate_is_clean(installed, tmp_path):
    made = relgraph_in(installed, tmp_path, "init", "mine")
    assert made.returncode == 0, made.stderr
    checked = relgraph_in(installed, tmp_path, "--data", "mine", "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stderr.startswith("ok: ")
    listed = relgraph_in(installed, tmp_path, "view", "--list", "--data", "mine")
    assert listed.stdout.startswith("relationship  The whole graph (default)")  # not the seed's Utrecht title
