"""The page script: the ES modules of ``relgraph/view/js`` joined into one classic script for inlining.

The page loads nothing from anywhere, so the modules cannot be loaded as modules; instead this tiny bundler puts
them, in dependency order (each after the modules it imports), into one ``"use strict"`` arrow function that is
called at once. Their ``import`` lines are dropped and their ``export`` keywords removed: inside the function
every module's top-level names share one scope, kept apart from the page's globals (vis-network's among them).

It understands only the plain subset of module syntax the view's modules are written in (ESLint's config keeps
them to it), and refuses anything else with a :class:`BundleError` naming the file and line:

- ``import { a, b } from "./name.js";`` (one or more lines; no renaming, default or namespace imports);
- ``export`` in front of a ``function``, ``class``, ``const`` or ``let`` declaration at the start of a line;
- top-level declarations at the start of a line, one plain name each.

A module that imports a file that is not there, or a name its file does not export, an import cycle, a module
that the entry does not reach, and a top-level name declared by two modules (or imported and declared again) are
errors too, so that the bundle behaves as the modules do when a browser loads them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import RelgraphError

#: The module the page runs; every other module must be reachable from it.
ENTRY = "main.js"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w.-]+\.js)"\s*;[ \t]*$', re.M)
_ANY_IMPORT = re.compile(r"^\s*import\b", re.M)
_EXPORT = re.compile(r"^export\s+(?=(?:async\s+)?function\b|class\b|const\b|let\b)", re.M)
_ANY_EXPORT = re.compile(r"^\s*export\b", re.M)
_NAME = r"[A-Za-z_$][\w$]*"
_DECLARATION = re.compile(rf"^(?:export\s+)?(?:(?:async\s+)?function\*?\s*|class\s+|(?:const|let|var)\s+)({_NAME})?",
                          re.M)
_IDENT = re.compile(rf"^{_NAME}$")


class BundleError(RelgraphError):
    """Raised when the view's modules cannot be bundled: an unknown import, a clash of names, a cycle, or module
    syntax the bundler does not handle. The message names the file (and line, where there is one)."""


@dataclass(frozen=True)
class Module:
    """One parsed module: its file name, its imports (``name -> file``), its top-level names, exports and body."""

    name: str
    imports: dict[str, str]
    declared: dict[str, int]
    exports: frozenset[str]
    body: str


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def parse(name: str, text: str) -> Module:
    """The imports, top-level names and exports of one module, and its text with them turned into plain code."""
    imports: dict[str, str] = {}
    for m in _IMPORT.finditer(text):
        for item in (part.strip() for part in m.group(1).split(",")):
            if not item:
                continue
            if not _IDENT.match(item):
                raise BundleError(f"js/{name}, line {_line(text, m.start())}: cannot bundle the import {item!r} "
                                  "(import plain names: import {{ a, b }} from \"./file.js\";)")
            if item in imports:
                raise BundleError(f"js/{name}, line {_line(text, m.start())}: {item!r} is imported twice")
            imports[item] = m.group(2)
    body = _IMPORT.sub("", text)
    stray = _ANY_IMPORT.search(body)
    if stray:
        raise BundleError(f"js/{name}, line {_line(body, stray.start())}: cannot bundle this import "
                          f"({body[stray.start():].splitlines()[0].strip()!r}); write import {{ a }} from \"./b.js\";")
    exports: set[str] = set()
    declared: dict[str, int] = {}
    for m in _DECLARATION.finditer(text):
        where = f"js/{name}, line {_line(text, m.start())}"
        if not m.group(1):
            raise BundleError(f"{where}: a top-level declaration must name one plain name "
                              f"({text[m.start():].splitlines()[0].strip()!r})")
        if m.group(1) in declared:
            raise BundleError(f"{where}: {m.group(1)!r} is declared twice")
        declared[m.group(1)] = _line(text, m.start())
        if m.group(0).startswith("export"):
            exports.add(m.group(1))
    body = _EXPORT.sub("", body)
    stray = _ANY_EXPORT.search(body)
    if stray:
        raise BundleError(f"js/{name}, line {_line(body, stray.start())}: cannot bundle this export "
                          f"({body[stray.start():].splitlines()[0].strip()!r}); write export const/function/let/class")
    for item in imports:
        if item in declared:
            raise BundleError(f"js/{name}, line {declared[item]}: {item!r} is both imported and declared")
    return Module(name, imports, declared, frozenset(exports), body.strip("\n"))


def order(modules: Mapping[str, Module], entry: str = ENTRY) -> list[str]:
    """The modules reachable from ``entry``, each after the ones it imports (in the order it imports them)."""
    done: list[str] = []
    path: list[str] = []

    def visit(name: str, by: str | None) -> None:
        if name in done:
            return
        if name in path:
            cycle = " -> ".join([*path[path.index(name):], name])
            raise BundleError(f"js/{name}: import cycle {cycle}")
        if name not in modules:
            raise BundleError(f"js/{by}: imports ./{name}, which is not there" if by else f"js/{name} is not there")
        path.append(name)
        for dep in dict.fromkeys(modules[name].imports.values()):
            visit(dep, name)
        path.pop()
        done.append(name)

    visit(entry, None)
    unused = sorted(set(modules) - set(done))
    if unused:
        raise BundleError(f"js/{unused[0]} is not imported by {entry} or any module it imports")
    return done


def check(modules: Mapping[str, Module]) -> None:
    """Every imported name is exported by its file, and no top-level name is declared by two modules."""
    owner: dict[str, str] = {}
    for m in modules.values():
        for item, source in m.imports.items():
            if source in modules and item not in modules[source].exports:
                raise BundleError(f"js/{m.name}: imports {item!r} from ./{source}, which does not export it")
        for item in m.declared:
            if item in owner:
                raise BundleError(f"js/{m.name}, line {m.declared[item]}: the top-level name {item!r} is also "
                                  f"declared in js/{owner[item]} (all modules share the bundle's one scope)")
            owner[item] = m.name


def bundle(sources: Mapping[str, str], entry: str = ENTRY) -> str:
    """One classic script from module texts (``file name -> text``): the modules reachable from ``entry`` in
    dependency order, in one strict function called at once.

    Examples
    --------
    >>> print(bundle({"main.js": 'import { two } from "./two.js";\\nconsole.log(two);',
    ...               "two.js": "export const two = 2;"}))
    /* relgraph network view: the modules of relgraph/view/js, bundled by relgraph.view.bundle. */
    (() => {
    "use strict";
    // ---- two.js
    const two = 2;
    // ---- main.js
    console.log(two);
    })();
    """
    modules = {name: parse(name, text) for name, text in sources.items()}
    names = order(modules, entry)
    check(modules)
    parts = [f"// ---- {name}\n{modules[name].body}" for name in names]
    head = "/* relgraph network view: the modules of relgraph/view/js, bundled by relgraph.view.bundle. */"
    return "\n".join([head, "(() => {", '"use strict";', *parts, "})();"])


@cache
def page_script() -> str:
    """The bundle of the modules shipped in ``relgraph/view/js``."""
    folder = resources.files("relgraph.view").joinpath("js")
    sources = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".js")}
    return bundle(sources)
