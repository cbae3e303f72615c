"""Shared fixtures: the seed dataset, opened once, and a CLI runner pointed at it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
QUERIES = ROOT / "queries"
LETTER = DATA / "sources" / "000_0bba009cb93adb15.txt"
UG = "https://w3id.org/relgraph/utrecht-guangdong/"


@pytest.fixture(scope="session", autouse=True)
def _stores_in_a_temporary_cache(tmp_path_factory: pytest.TempPathFactory):
    """The commands keep their store on disk in the user's cache: during the tests, a cache of their own
    (inherited by the commands the tests run in subprocesses), never the user's, and no $RELGRAPH_STORE."""
    saved = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "RELGRAPH_STORE")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("RELGRAPH_STORE", None)
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def seed() -> relgraph.Dataset:
    return relgraph.open(DATA, queries=QUERIES)


@pytest.fixture
def run():
    """Run the relgraph CLI on the seed data; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str, data: Path | str = DATA, input: str | None = None):
        return runner.invoke(cli, ["--data", str(data), "--queries", str(QUERIES), *args], input=input)

    return invoke
