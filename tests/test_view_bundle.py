"""The bundler that turns the view's ES modules into the page's one classic script (relgraph.view.bundle)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from relgraph.errors import RelgraphError
from relgraph.view.bundle import BundleError, bundle, page_script

JS = Path(__file__).resolve().parents[1] / "src" / "relgraph" / "view" / "js"

MAIN = 'import { twice } from "./calc.js";\nimport { show } from "./out.js";\n\nshow(twice(2));\n'
CALC = 'import { ONE } from "./base.js";\n\nconst helper = (x) => x + ONE;\nexport const twice = (x) => helper(x) * 2;\n'
BASE = "export const ONE = 1;\n"
OUT = 'import { ONE } from "./base.js";\n\nexport function show(x) {\n  console.log(x, ONE);\n}\n'
GOOD = {"main.js": MAIN, "calc.js": CALC, "base.js": BASE, "out.js": OUT}


def test_modules_in_dependency_order_in_one_strict_function() -> None:
    text = bundle(GOOD)
    assert re.findall(r"^// ---- (\S+)$", text, re.M) == ["base.js", "calc.js", "out.js", "main.js"]
    lines = text.splitlines()
    assert lines[1:3] == ["(() => {", '"use strict";'] and lines[-1] == "})();"
    assert not re.search(r"^\s*(import|export)\b", text, re.M)
    assert "const ONE = 1;" in text and "export const" not in text and "function show(x) {" in text
    assert text.count("const ONE = 1;") == 1  # a module imported twice is included once


def test_the_shipped_modules_bundle_and_go_into_the_page() -> None:
    import relgraph

    text = page_script()
    order = re.findall(r"^// ---- (\S+)$", text, re.M)
    assert sorted(order) == sorted(p.name for p in JS.glob("*.js")) and order[-1] == "main.js"
    for f in JS.glob("*.js"):  # every module after the ones it imports
        for dep in re.findall(r'^import .* from "\./([\w.]+)";$', f.read_text(encoding="utf-8"), re.M):
            assert order.index(dep) < order.index(f.name), (dep, f.name)
    page = relgraph.open(Path(__file__).resolve().parents[1] / "data").view(focus="DOFTEC").html
    assert f"<script>\n{text}\n</script>" in page


@pytest.mark.parametrize(("change", "message"), [
    ({"main.js": 'import { twice } from "./nowhere.js";\ntwice(1);\n'},
     r"js/main\.js: imports \./nowhere\.js, which is not there"),
    ({"main.js": 'import { thrice } from "./calc.js";\nimport { show } from "./out.js";\nshow(thrice(1));\n'},
     r"js/main\.js: imports 'thrice' from \./calc\.js, which does not export it"),
    ({"main.js": 'import { helper } from "./calc.js";\nimport { show } from "./out.js";\nshow(helper(1));\n'},
     r"imports 'helper' from \./calc\.js, which does not export it"),  # declared there, but not exported
    ({"out.js": OUT + "const helper = 2;\n"},
     r"js/(out|calc)\.js, line \d+: the top-level name 'helper' is also declared in js/(calc|out)\.js"),
    ({"out.js": OUT.replace("\n\n", "\n\nconst ONE = 3;\n")},
     r"js/out\.js, line 3: 'ONE' is both imported and declared"),
    ({"base.js": 'import { twice } from "./calc.js";\nexport const ONE = twice(0);\n'},
     r"import cycle (calc|base)\.js -> (base|calc)\.js -> (calc|base)\.js"),
    ({"stray.js": "export const x = 1;\n"},
     r"js/stray\.js is not imported by main\.js or any module it imports"),
    ({"base.js": "export default 1;\n"}, r"js/base\.js, line 1: cannot bundle this export"),
    ({"base.js": "const ONE = 1;\nexport { ONE };\n"}, r"js/base\.js, line 2: cannot bundle this export"),
    ({"main.js": MAIN.replace("{ twice }", "{ twice as two }")}, r"cannot bundle the import 'twice as two'"),
    ({"main.js": "import * as calc from \"./calc.js\";\n" + MAIN}, r"js/main\.js, line 1: cannot bundle this import"),
    ({"base.js": "export const { ONE } = { ONE: 1 };\n"},
     r"js/base\.js, line 1: a top-level declaration must name one plain name"),
    ({"base.js": BASE + "let ONE = 2;\n"}, r"js/base\.js, line 2: 'ONE' is declared twice"),
])
def test_refuses_what_it_cannot_bundle_faithfully(change: dict[str, str], message: str) -> None:
    with pytest.raises(BundleError, match=message) as info:
        bundle({**GOOD, **change})
    assert isinstance(info.value, RelgraphError)


def test_entry_must_be_there() -> None:
    with pytest.raises(BundleError, match=r"js/main\.js is not there"):
        bundle({"calc.js": CALC, "base.js": BASE})
