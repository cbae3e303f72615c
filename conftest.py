"""Doctests of src/relgraph run from the repository root, with ``relgraph`` imported and the seed at ``data``."""

from __future__ import annotations

from pathlib import Path

import pytest

import relgraph

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctest_namespace(request: pytest.FixtureRequest, doctest_namespace: dict[str, object]) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        doctest_namespace["relgraph"] = relgraph
        request.getfixturevalue("monkeypatch").chdir(ROOT)
