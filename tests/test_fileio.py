"""The one atomic writer: through symbolic links, never over a pipe, a device or a folder, several files as one step,
permissions kept, odd paths refused with one clear line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from relgraph.errors import ExportError
from relgraph.fileio import NEW_FILE_MODE, folder_target, is_folder_path, write_text, write_texts


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.gexf"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.gexf"
    link.symlink_to("real.gexf")
    assert write_text(link, "new") == link
    assert link.is_symlink() and os.readlink(link) == "real.gexf"
    assert real.read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == []


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "sub" / "target.html")
    write_text(link, "page")
    assert link.is_symlink() and (tmp_path / "sub" / "target.html").read_text(encoding="utf-8") == "page"


def test_a_named_pipe_is_refused_and_left_alone(tmp_path):
    fifo = tmp_path / "pipe.gexf"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match=r"pipe\.gexf is not a regular file \(a named pipe\)"):
        write_text(fifo, "text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "link.gexf"
    link.symlink_to(fifo)
    with pytest.raises(ExportError, match=r"link\.gexf \(a link to .*pipe\.gexf\) is not a regular file") as e:
        write_text(link, "text")
    assert "\n" not in str(e.value)
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(ExportError, match=r"out is not a regular file \(a folder\)"):
        write_text(tmp_path / "out", "text")
    with pytest.raises(ExportError, match=r"names a folder \(it ends in '/'\)"):
        write_text(f"{tmp_path}/new/", "text")
    assert not (tmp_path / "new").exists()


def test_empty_path_is_refused():
    with pytest.raises(ExportError, match="^empty output path"):
        write_text("", "text")
    with pytest.raises(ExportError, match="^empty output path"):
        folder_target("", "view.html")


def test_several_files_replace_nothing_when_one_target_is_refused(tmp_path):
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    nodes.write_text("OLD\n", encoding="utf-8")
    edges.mkdir()
    with pytest.raises(ExportError, match="edges.csv is not a regular file"):
        write_texts([(nodes, "NEW\n"), (edges, "NEW\n")])
    assert nodes.read_text(encoding="utf-8") == "OLD\n"
    assert leftovers(tmp_path) == []


def test_several_files_replace_nothing_when_one_cannot_be_written(tmp_path):
    nodes = tmp_path / "nodes.csv"
    nodes.write_text("OLD\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        write_texts([(nodes, "NEW\n"), (blocker / "sub" / "edges.csv", "NEW\n")])
    assert nodes.read_text(encoding="utf-8") == "OLD\n"
    assert leftovers(tmp_path) == []


def test_the_same_file_twice_in_one_step_is_refused(tmp_path):
    (tmp_path / "a.csv").symlink_to("b.csv")
    with pytest.raises(ExportError, match="written twice"):
        write_texts([(tmp_path / "a.csv", "1"), (tmp_path / "b.csv", "2")])
    assert not (tmp_path / "b.csv").exists()


def test_an_existing_file_keeps_its_mode_and_a_new_one_gets_the_default(tmp_path):
    private = tmp_path / "priv.gexf"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    write_text(private, "new")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    fresh = write_text(tmp_path / "fresh.gexf", "new")
    assert stat.S_IMODE(fresh.stat().st_mode) == NEW_FILE_MODE & ~current_umask()


def test_text_utf8_cannot_encode_is_a_clean_error(tmp_path):
    with pytest.raises(ExportError, match="UTF-8 cannot encode"):
        write_text(tmp_path / "x.gexf", "lone \ud800 surrogate")
    assert list(tmp_path.iterdir()) == []


def test_folder_paths(tmp_path):
    (tmp_path / "dir").mkdir()
    assert is_folder_path("out/") and is_folder_path(tmp_path / "dir") and not is_folder_path(tmp_path / "x.html")
    assert folder_target(f"{tmp_path}/new/", "v.html") == tmp_path / "new" / "v.html"
    assert folder_target(tmp_path / "dir", "v.html") == tmp_path / "dir" / "v.html"
    assert folder_target(tmp_path / "x.html", "v.html") == tmp_path / "x.html"
