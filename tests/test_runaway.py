"""No runaway question: a time limit on every query, Ctrl-C heard at once, rows that stream at constant memory.

The heavy query is a three-way cartesian product of the seed's triples (billions of rows): no engine finishes it
within any test's patience, so each test shows relgraph stopping it, not the query ending on its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import relgraph
from relgraph.errors import QueryTimeoutError

from .conftest import DATA, QUERIES

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
HEAVY_ROWS = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
RELGRAPH = [sys.executable, "-c", "from relgraph.cli import main; main()"]


def relgraph_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*RELGRAPH, "--data", str(DATA), "--queries", str(QUERIES), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_a_query_past_its_time_is_stopped_in_python():
    g = relgraph.open(DATA, queries=QUERIES, timeout=0.5)
    with pytest.raises(QueryTimeoutError, match=r"^stopped after 0\.5 s"):
        g.query(HEAVY)
    assert g.query("agreements").rows  # the graph still answers


def test_a_query_past_its_time_is_one_line_and_exit_2_on_the_command_line():
    proc = relgraph_process("query", "--sparql", HEAVY, "--timeout", "1")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err == ("Error: stopped after 1 s: the query took longer than it was given (give more with --timeout "
                   "SECONDS, or --timeout 0 for no limit)\n")


def test_ctrl_c_ends_any_command_with_aborted_and_130():
    proc = relgraph_process("query", "--sparql", HEAVY, "--timeout", "0")
    time.sleep(2.5)  # imported, opened, and busy in the engine
    assert proc.poll() is None
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == "Aborted.\n" and "Traceback" not in err
    assert time.monotonic() - sent < 5  # in practice a tenth of a second; generous for a loaded machine


def test_rows_stream_out_before_the_query_ends():
    """csv rows of an endless answer reach stdout as they come; the time limit then ends the command."""
    proc = relgraph_process("query", "--sparql", HEAVY_ROWS, "-f", "csv", "--timeout", "3")
    out, err = proc.communicate(timeout=60)
    lines = out.splitlines()
    assert sorted(lines[0].split(",")) == ["a", "b", "c", "d", "e", "f", "p", "q", "r"]
    assert len(lines) > 1000
    assert proc.returncode == 2 and err.startswith("Error: stopped after 3 s")


def test_a_slow_row_is_not_held_back_by_the_rows_after_it():
    """Rows cross from the reading thread in chunks; a part of a chunk goes over once it has waited a little, so
    a row does not wait for the slow rows that follow it to fill its chunk."""
    from relgraph import deadline

    gate = threading.Event()
    released: list[bool] = []

    def rows():
        yield 1
        time.sleep(deadline.CHUNK_WAIT * 2)
        yield 2  # the chunk [1, 2] has waited long enough: it goes over now
        released.append(gate.wait(10))  # the engine is stuck on the next row until the reader has 1 and 2
        yield 3

    columns, read = deadline.stream(lambda: (["n"], rows()), 60)
    got = [next(read), next(read)]
    gate.set()
    assert columns == ["n"] and got + list(read) == [1, 2, 3]
    assert released == [True]


def test_a_long_answer_streams_in_order_and_whole():
    from relgraph import deadline

    columns, read = deadline.stream(lambda: (["n"], iter(range(10 * deadline.CHUNK + 7))), 60, buffer=300)
    assert list(read) == list(range(10 * deadline.CHUNK + 7))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl"])
def test_streamed_output_is_the_same_as_buffered(run, fmt):
    """The streaming path writes exactly what the whole answer would have been."""
    from relgraph.formatting import render

    streamed = run("query", "entity", "-p", "entity=DOFTEC", "-f", fmt)
    assert streamed.exit_code == 0, streamed.output
    g = relgraph.open(DATA, queries=QUERIES)
    assert streamed.output == render(g.query("entity", entity="DOFTEC"), fmt)
