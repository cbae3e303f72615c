"""The docs tell the truth: every README session gives the output shown, every command is documented."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from relgraph.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def sessions() -> list[tuple[str, str]]:
    """(command, expected output) for every ``$ relgraph ...`` line in a console block of the README."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        parts = re.split(r"^\$ ", block, flags=re.M)
        for part in parts[1:]:
            command, _, expected = part.partition("\n")
            out.append((command, expected.rstrip("\n")))
    return out


@pytest.mark.parametrize("command, expected", sessions(), ids=[c for c, _ in sessions()])
def test_readme_session(command, expected):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert (done.stdout + done.stderr).rstrip("\n") == expected


def test_every_command_has_help_and_appears_in_the_readme():
    for name, command in cli.every_command().items():
        assert command.help, name
        assert f"relgraph {name}" in README, f"'relgraph {name}' is not in the README"
