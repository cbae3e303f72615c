"""Shared fixtures: the seed dataset, the letter's own file, the small invented example graph, and CLI runners.

``seed`` is the whole data/ folder, as shipped: use it for what must hold of any dataset (every resource sourced,
answers the same from both engines, nothing written by a read). ``letter_graph`` is the letter's own file
(data/utrecht-guangdong.ttl) with the ontology it is written in: use it for what the letter says, so that a test of
the letter's facts keeps passing when another source's file is added to data/. ``example`` is the hand-written
graph of tests/fixtures/example-provinces/, whose every answer is known by hand.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
QUERIES = ROOT / "queries"
LETTER = DATA / "sources" / "000_0bba009cb93adb15.txt"
LETTER_FILE = DATA / "utrecht-guangdong.ttl"
UG = "https://w3id.org/relgraph/utrecht-guangdong/"
FIXTURE = ROOT / "tests" / "fixtures" / "example-provinces"
EX = "https://example.org/relgraph-fixture/"


def dataset_folder(folder: Path, *files: Path) -> Path:
    """A data folder made of copies of ``files``, with data/shapes.ttl beside them for validation and the
    letter's text in sources/, where the letter names it."""
    for f in (*files, DATA / "shapes.ttl"):
        shutil.copy(f, folder / f.name)
    (folder / "sources").mkdir(exist_ok=True)
    shutil.copy(LETTER, folder / "sources" / LETTER.name)
    return folder


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


@pytest.fixture(scope="session")
def letter_data(tmp_path_factory) -> Path:
    """A folder holding only the letter's own file and the ontology (and the shapes), copied from data/."""
    return dataset_folder(tmp_path_factory.mktemp("letter"), LETTER_FILE, DATA / "ontology.ttl")


@pytest.fixture(scope="session")
def letter_graph(letter_data: Path) -> relgraph.Dataset:
    """What the letter says, and nothing another source adds: data/utrecht-guangdong.ttl with the ontology."""
    return relgraph.open(letter_data, queries=QUERIES)


@pytest.fixture(scope="session")
def example_data(tmp_path_factory) -> Path:
    """The invented example graph of tests/fixtures/example-provinces/ with data/ontology.ttl beside it."""
    folder = dataset_folder(tmp_path_factory.mktemp("example-provinces"), FIXTURE / "example-provinces.ttl",
                            DATA / "ontology.ttl")
    shutil.copy(FIXTURE / "source.txt", folder / "sources" / "source.txt")
    return folder


@pytest.fixture(scope="session")
def example(example_data: Path) -> relgraph.Dataset:
    return relgraph.open(example_data, queries=QUERIES)


@pytest.fixture
def run():
    """Run the relgraph CLI on the seed data; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str, data: Path | str = DATA, input: str | None = None):
        return runner.invoke(cli, ["--data", str(data), "--queries", str(QUERIES), *args], input=input)

    return invoke


@pytest.fixture
def run_letter(run, letter_data: Path):
    """Run the relgraph CLI on the letter's own file (see ``letter_graph``); returns click's Result."""

    def invoke(*args: str, input: str | None = None):
        return run(*args, data=letter_data, input=input)

    return invoke


def rdf_graph(result: relgraph.Result):
    """A CONSTRUCT or DESCRIBE answer as an rdflib graph, to compare with :func:`same_graph`."""
    import rdflib

    return rdflib.Graph().parse(data=result.serialize("nt"), format="nt")


def lower_langs(graph):
    """The graph with language tags in lower case: RDF compares them without case (Oxigraph writes "zh-hans" for
    the files' "zh-Hans"), rdflib's isomorphism does not."""
    import rdflib

    def fix(t):
        return rdflib.Literal(str(t), lang=t.language.lower()) if isinstance(t, rdflib.Literal) and t.language else t
    out = rdflib.Graph()
    for triple in graph:
        out.add(tuple(fix(t) for t in triple))
    return out


def same_graph(a, b) -> bool:
    """``a`` and ``b`` are the same RDF graph (blank nodes mapped, language tags compared without case)."""
    from rdflib.compare import isomorphic

    return isomorphic(lower_langs(a), lower_langs(b))
