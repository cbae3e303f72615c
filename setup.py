"""The build ships the seed dataset and its named queries inside the package (relgraph/seed/), so that an
installed relgraph answers in an empty folder. Everything else about the build is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithSeed(build_py):
    """build_py, then data/ and queries/ copied into the built package as relgraph/seed/data and seed/queries."""

    def run(self) -> None:
        super().run()
        seed = Path(self.build_lib) / "relgraph" / "seed"
        for name in ("data", "queries"):
            shutil.copytree(ROOT / name, seed / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithSeed})
