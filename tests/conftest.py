"""Shared fixtures: the seed dataset, opened once, and a CLI runner pointed at it."""

from __future__ import annotations

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
