"""Every file problem is one line, skipped files are named, an empty graph is an error for view and export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import relgraph
from relgraph.cli import cli
from relgraph.errors import DataError, ExportError

from .conftest import DATA, LETTER_FILE, QUERIES


def run(*args: str):
    return CliRunner().invoke(cli, ["--queries", str(QUERIES), *args])


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    """The letter's data beside a dangling link, a looping link, a folder named x.ttl and a file reshapes.ttl."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(LETTER_FILE, data)
    (data / "dangling.ttl").symlink_to(tmp_path / "nowhere.ttl")
    (data / "loop.ttl").symlink_to(data / "loop.ttl")
    (data / "x.ttl").mkdir()
    (data / "reshapes.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (data / "shapes.ttl").write_text("<urn:shape> <urn:b> <urn:c> .\n", encoding="utf-8")
    return data


def test_skipped_files_are_named_in_a_note(odd_folder):
    result = run("--data", str(odd_folder), "stats", "-f", "json")
    assert result.exit_code == 0, result.output
    notes = sorted(line for line in result.stderr.splitlines() if line.startswith("note: "))
    assert notes == [f"note: {odd_folder}/dangling.ttl: skipped, a symbolic link that leads nowhere",
                     f"note: {odd_folder}/loop.ttl: skipped, a symbolic link that goes round in a loop",
                     f"note: {odd_folder}/x.ttl: skipped, a folder named like a data file"]


def test_only_shapes_files_are_left_out_for_validation_not_every_name_with_shapes_in_it(odd_folder):
    g = relgraph.open(odd_folder)
    assert [f.name for f in g.files] == ["reshapes.ttl", "utrecht-guangdong.ttl"]
    assert g.query("ASK { <urn:a> <urn:b> <urn:c> }").boolean is True
    assert g.query("ASK { <urn:shape> ?p ?o }").boolean is False


@pytest.mark.parametrize(("given", "message"), [
    ("/", "/: the root of the file system: give the folder that holds the data"),
    ("{tmp}/nothing-here", "{tmp}/nothing-here: no such file or folder"),
    ("{tmp}/empty", "{tmp}/empty: no RDF data files (*.ttl, *.trig, *.nt, *.nq) in this folder"),
    ("{tmp}/notes.txt", "{tmp}/notes.txt: not an RDF file relgraph reads (expected one of .ttl, .trig, .nt, .nq)"),
])
def test_a_wrong_data_path_is_one_line(tmp_path, given, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    result = run("--data", given.format(tmp=tmp_path), "stats")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message.format(tmp=tmp_path)}\n"


def test_a_folder_with_too_many_entries_is_refused_before_anything_is_read(tmp_path, monkeypatch):
    from relgraph.store import files
    monkeypatch.setattr(files, "MAX_ENTRIES", 20)
    for i in range(30):
        (tmp_path / f"d{i}").mkdir()
    (tmp_path / "d0" / "broken.ttl").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    result = run("--data", str(tmp_path), "stats")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path}: more than 20 files and folders below this folder: "
                             "give the folder that holds the data\n")


def test_a_link_to_nowhere_given_as_the_data_says_so(tmp_path):
    (tmp_path / "data.ttl").symlink_to(tmp_path / "gone.ttl")
    with pytest.raises(DataError, match="a symbolic link that leads nowhere"):
        relgraph.open(tmp_path / "data.ttl")


def test_view_and_export_of_data_without_entities_are_errors(tmp_path):
    (tmp_path / "plain.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    for args in (["view", "-o", str(tmp_path / "v.html")], ["export", "-f", "graphml", "-o", str(tmp_path / "g.xml")]):
        result = run("--data", str(tmp_path / "plain.ttl"), *args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("Error: nothing to ") and "no entity" in result.stderr
    assert not (tmp_path / "v.html").exists() and not (tmp_path / "g.xml").exists()
    with pytest.raises(ExportError):
        relgraph.open(tmp_path / "plain.ttl").view()


def test_a_relative_iri_never_carries_a_local_path(tmp_path):
    (tmp_path / "rel.ttl").write_text(
        '<#a> a <http://www.w3.org/ns/org#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n',
        encoding="utf-8")
    g = relgraph.open(tmp_path / "rel.ttl")
    (iri,) = g.query("SELECT ?s WHERE { ?s a ?c }").column("s")
    assert iri == "urn:relgraph:file:rel.ttl#a"
    assert str(tmp_path) not in g.view().html


def test_the_seed_folder_opens_without_notes():
    assert relgraph.open(DATA).skipped == ()


def test_a_view_beyond_the_limit_is_refused_unless_forced(seed, monkeypatch):
    import relgraph.view as view_module

    monkeypatch.setattr(view_module, "MAX_NODES", 10)
    with pytest.raises(ExportError, match=r"entities are more than a browser can draw \(the limit is 10\)"):
        seed.view()
    with pytest.warns(view_module.ViewSizeWarning):
        monkeypatch.setattr(view_module, "WARN_NODES", 5)
        assert seed.view(force=True).nodes > 10


def test_the_command_line_reports_what_it_wrote(tmp_path):
    result = run("--data", str(DATA), "view", "-o", str(tmp_path / "v.html"))
    assert result.exit_code == 0, result.output
    size = (tmp_path / "v.html").stat().st_size
    assert result.stdout == f"{tmp_path / 'v.html'}\n"
    line = result.stderr.strip()
    assert line.startswith(f"{size / 1e6:.1f} MB · ") and line.endswith(" relations")
