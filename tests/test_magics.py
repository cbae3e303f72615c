"""The IPython magics, run in an in-process IPython shell: %%sparql and %relgraph query, their options, what they
show and return, and their one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from relgraph import Result
from relgraph import dataset as dataset_module

from .conftest import DATA, QUERIES, UG

pytest.importorskip("IPython")
pytest.importorskip("pandas")

from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from traitlets.config import Config  # noqa: E402

AGREEMENTS = "SELECT ?a ?kind WHERE { ?a a rg:Agreement ; rg:agreementKind ?kind } ORDER BY ?kind"


@pytest.fixture
def shell(tmp_path, monkeypatch):
    """A fresh IPython shell with ``%load_ext relgraph`` done, working in an empty folder."""
    monkeypatch.chdir(tmp_path)
    InteractiveShell.clear_instance()
    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    sh = InteractiveShell.instance(config=config)
    sh.run_line_magic("load_ext", "relgraph")
    yield sh
    InteractiveShell.clear_instance()


def data_args() -> str:
    return f"--data {DATA} --queries {QUERIES}"


def error_of(sh, cell: str, capsys) -> str:
    """Run a cell that must fail; its stderr, which must be the one line IPython prints for a UsageError."""
    capsys.readouterr()
    result = sh.run_cell(cell)
    assert result.error_in_exec is not None, "the cell should fail"
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    lines = out.err.strip().splitlines()
    assert len(lines) == 1, out.err
    return lines[0]


def test_importing_relgraph_does_not_import_ipython():
    code = "import sys, relgraph; print(sorted(m for m in ('IPython', 'pandas', 'matplotlib') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_sparql_cell_shows_a_dataframe_with_labels_and_returns_the_result(shell):
    result = shell.run_cell_magic("sparql", f"{data_args()} -o found", AGREEMENTS)
    assert isinstance(result, Result) and shell.user_ns["found"] is result
    assert result.columns == ["a", "kind"] and len(result) == 3
    shown, _ = shell.display_formatter.format(result)
    html = shown["text/html"]
    assert "<table" in html and "Structural cooperation with DOFTEC (2013)" in html and "a_iri" in html
    assert f"<td>{UG}" in html  # the IRI column beside the labels
    assert "Structural cooperation with DOFTEC (2013)" in shown["text/plain"]
    assert "(3 rows)" in shown["text/plain"]


def test_sparql_cell_in_a_notebook_cell(shell):
    executed = shell.run_cell(f"%%sparql {data_args()} --lang nl\n{AGREEMENTS}")
    assert executed.success
    assert isinstance(executed.result, Result) and executed.result.lang == "nl"
    assert "Structurele samenwerking met DOFTEC (2013)" in set(executed.result.to_dataframe()["a"])


def test_quoted_values_with_spaces(shell):
    found = shell.run_cell_magic("sparql", f'{data_args()} -p "label=Economic mission to Guangdong 2017"',
                                 "SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?label) }")
    assert [str(row[0]) for row in found.terms] == [f"{UG}mission-2017"]


def test_parameters_are_bound_as_terms_never_pasted(shell):
    text = "SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?name) }"
    found = shell.run_cell_magic("sparql", f"{data_args()} -p name=DOFTEC", text)
    assert [str(row[0]) for row in found.terms] == [f"{UG}doftec"] * len(found.terms) and len(found) >= 1
    evil = shell.run_cell_magic("sparql", "-p 'name=x\" ) } DELETE WHERE { ?s ?p ?o } #'", text)
    assert len(evil) == 0  # the value was one literal, not SPARQL
    assert len(shell.run_cell_magic("sparql", "", "SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 1


def test_a_declared_entity_parameter_takes_a_name_in_any_language(shell):
    cell = "# param: who | entity\nSELECT ?class WHERE { ?who a ?class } ORDER BY ?class"
    dutch = shell.run_cell_magic("sparql", f"{data_args()} -p who=DOFTEC", cell)
    assert dutch.column("class") and all(str(c).startswith("http") for c in dutch.column("class"))
    by_iri = shell.run_cell_magic("sparql", f"-p who={UG}doftec", cell)
    assert by_iri.terms == dutch.terms


def test_named_query_line_magic(shell):
    executed = shell.run_cell(f"r = %relgraph query entity -p entity=DOFTEC --lang nl {data_args()}")
    assert executed.success
    r = shell.user_ns["r"]
    assert isinstance(r, Result) and r.lang == "nl"
    frame = r.to_dataframe()
    assert "Structurele samenwerking met DOFTEC (2013)" in set(frame["value"])
    kept = shell.run_line_magic("relgraph", "query agreements -o agreements")
    assert shell.user_ns["agreements"] is kept and len(kept) == 3


def test_queries_are_listed(shell):
    listing = shell.run_line_magic("relgraph", f"queries {data_args()}")
    assert "agreements" in set(listing["name"])
    assert listing.set_index("name").loc["entity", "params"] == "entity:entity"


def test_the_dataset_is_remembered_and_a_notebook_variable_can_be_used(shell, seed, capsys):
    assert len(shell.run_line_magic("relgraph", "query agreements")) >= 3  # the default dataset, as the CLI opens
    shell.user_ns["g"] = seed
    assert len(shell.run_line_magic("relgraph", "query agreements -g g")) == 3
    assert len(shell.run_line_magic("relgraph", "query agreements")) == 3  # g, remembered
    assert error_of(shell, "%relgraph query agreements -g nothing", capsys) == (
        "UsageError: --graph nothing: no relgraph dataset in a variable of that name "
        "(make one with nothing = relgraph.open(...))")


@pytest.mark.parametrize("cell, message", [
    ("%relgraph query nope", "UsageError: no query named 'nope' (see %relgraph queries)"),
    ("%relgraph query entity", "UsageError: query 'entity' needs parameter 'entity' (entity, e.g. entity=DOFTEC)"),
    ("%relgraph query entity -p entity=Atlantis",
     "UsageError: no entity called 'Atlantis'"),
    ("%relgraph query agreements --lang fr", "UsageError: unknown language 'fr'; choose one of en, nl, zh"),
    ("%relgraph query agreements -p nonsense", "UsageError: -p 'nonsense' is not NAME=VALUE"),
    ("%relgraph query agreements -o 'not a name'", "UsageError: -o 'not a name': give a Python variable name"),
    ("%relgraph frobnicate", "UsageError: %relgraph frobnicate: give 'query NAME [-p NAME=VALUE ...]' or 'queries'"),
    ("%%sparql\nDELETE WHERE { ?s ?p ?o }", "UsageError: relgraph query only reads: DELETE (SPARQL UPDATE) is refused"),
    ("%%sparql\nSELECT ?x WHERE { ?x ?y ?z FILTER(?x = ) }", "UsageError: %%sparql:"),  # where the engine says
    ("%relgraph query agreements -p 'unbalanced", "UsageError: %relgraph query: No closing quotation"),
])
def test_errors_are_one_line(shell, capsys, cell, message):
    shell.run_line_magic("relgraph", f"queries {data_args()}")  # open the seed
    line = error_of(shell, cell, capsys)
    assert line.startswith(message), line


def test_an_endpoint_that_cannot_be_reached_is_one_line(shell, capsys):
    line = error_of(shell, "%%sparql --endpoint http://127.0.0.1:9/sparql\nASK { ?s ?p ?o }", capsys)
    assert line.startswith("UsageError: http://127.0.0.1:9/sparql: ") and "\n" not in line


def test_endpoint_is_passed_on_when_open_takes_it(shell, monkeypatch):
    calls = []
    real = dataset_module.open

    def open_with_endpoint(data=None, *, queries=None, engine="oxigraph", endpoint=None, **_):
        calls.append((data, endpoint))
        return real(DATA, queries=QUERIES)

    monkeypatch.setattr(dataset_module, "open", open_with_endpoint)
    answer = shell.run_cell_magic("sparql", "--endpoint https://example.org/sparql", "ASK { ?s ?p ?o }")
    assert calls == [(None, "https://example.org/sparql")]
    assert answer.boolean is True
