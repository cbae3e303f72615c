"""Benchmark the persistent store on disk against raw pyoxigraph on the same store, as fresh processes.

For each size (synthetic data from ``generate.py``, one file in a data folder of its own):

* **build**: ``relgraph store rebuild`` into an empty store folder, against a raw pyoxigraph process that
  ``bulk_load``\\ s the same file into an empty ``Store(path)``, into a named graph as relgraph does (and, for
  reference, into the default graph);
* **cold queries**: every named query with its example parameters through the command line
  (``relgraph --data D --store S query NAME -p ...``, a fresh process, table output with labels as a person
  sees it), against a fresh raw process that opens the same published generation with
  ``pyoxigraph.Store.read_only``, runs the text relgraph sends to Oxigraph (parameters resolved beforehand) and
  prints every row;
* **stats**: ``relgraph stats`` as a fresh process on the built store (the issue asks for 3.7M triples).

Runs of relgraph and of raw pyoxigraph alternate, so that a change in the machine's load touches both; the
ratios compare medians (wall clock), and CPU time (user + system of the child) is given beside them.

Usage::

    .venv/bin/python benchmarks/store.py --sizes 1m,5m --repeat 5 --stats-size 3.7m
    .venv/bin/python benchmarks/store.py --report          # print the tables of the last run again
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

import relgraph  # noqa: E402
from relgraph.sparql import bind, query_form, with_prefixes  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
RESULTS = OUT / "store-results.json"
QUERIES = ROOT / "queries"
BIN = Path(sys.executable).parent
RELGRAPH = str(BIN / "relgraph")

RAW_QUERY = """import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
answer = store.query(open(sys.argv[2], encoding="utf-8").read(), use_default_graph_as_union=True)
if isinstance(answer, ox.QueryBoolean):
    lines = [str(bool(answer))]
elif isinstance(answer, ox.QuerySolutions):
    lines = ["\\t".join("" if v is None else str(v) for v in row) for row in answer]
else:
    lines = [str(t) for t in answer]
sys.stdout.write("\\n".join(lines) + "\\n")
"""

RAW_BUILD = """import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
graph = ox.NamedNode(sys.argv[3]) if len(sys.argv) > 3 else None
store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.TURTLE, base_iri=sys.argv[4] if len(sys.argv) > 4 else None,
                to_graph=graph)
store.flush()
"""


#: The processes run as an installed relgraph runs: with Python's bytecode cache (some environments turn it off
#: with PYTHONDONTWRITEBYTECODE, which would make every relgraph process compile its modules again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` as a fresh process; wall seconds, CPU seconds (user + system) and output lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr.strip()[:300]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"s": wall, "cpu_s": cpu, "lines": done.stdout.count("\n")}


def alternate(a: list[str], b: list[str], repeat: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run ``a`` and ``b`` ``repeat`` times each, alternating which goes first, after one untimed run of each
    (which writes the bytecode cache and reads the store into the system's file cache for both)."""
    timed(a)
    timed(b)
    ra, rb = [], []
    for i in range(repeat):
        if i % 2:
            rb.append(timed(b))
            ra.append(timed(a))
        else:
            ra.append(timed(a))
            rb.append(timed(b))
    return ra, rb


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"median_s": statistics.median(r["s"] for r in runs), "min_s": min(r["s"] for r in runs),
            "median_cpu_s": statistics.median(r["cpu_s"] for r in runs), "runs": [round(r["s"], 4) for r in runs],
            "lines": runs[0]["lines"]}


def dataset(size: int, log: Any) -> tuple[Path, Path, Path]:
    """The synthetic file, a data folder holding only it (a hard link), and that size's store folder."""
    label = generate.label_of(size)
    path = generate.OUT / f"synthetic-{label}.ttl"
    if not path.exists():
        log(f"generating {path.name} ...")
        info = generate.generate(size, out=path)
        path.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    data = OUT / "store" / label / "data"
    data.mkdir(parents=True, exist_ok=True)
    linked = data / path.name
    if not linked.exists() or not linked.samefile(path):
        linked.unlink(missing_ok=True)
        try:
            os.link(path, linked)
        except OSError:
            shutil.copyfile(path, linked)
    return linked, data, OUT / "store" / label / "store"


def bench_build(path: Path, data: Path, store: Path, repeat: int, log: Any) -> dict[str, Any]:
    graph = relgraph.store.files.graph_name(path, data)
    scratch = store.parent / "scratch"
    runs: dict[str, list[dict[str, Any]]] = {"relgraph": [], "raw_named": [], "raw_default": []}
    for i in range(repeat):
        for kind in (["relgraph", "raw_named", "raw_default"] if i % 2 == 0 else
                     ["raw_default", "raw_named", "relgraph"]):
            shutil.rmtree(scratch, ignore_errors=True)
            if kind == "relgraph":
                cmd = [RELGRAPH, "--data", str(data), "--store", str(scratch), "store", "rebuild"]
            elif kind == "raw_named":
                cmd = [sys.executable, "-c", RAW_BUILD, str(scratch), str(path), graph, path.resolve().as_uri()]
            else:
                cmd = [sys.executable, "-c", RAW_BUILD, str(scratch), str(path)]
            runs[kind].append(timed(cmd))
            log(f"  build {kind}: {runs[kind][-1]['s']:.2f} s")
    shutil.rmtree(scratch, ignore_errors=True)
    if not (store / "current.json").exists():
        log("building the store the queries use ...")
        timed([RELGRAPH, "--data", str(data), "--store", str(store), "store", "rebuild"])
    return {k: summary(v) for k, v in runs.items()}


#: Queries whose raw run takes longer than this (seconds) are run half as often.
HEAVY = 5.0


def bench_queries(data: Path, store: Path, repeat: int, log: Any, only: set[str] | None,
                  memory: bool) -> list[dict[str, Any]]:
    """Every named query, cold: relgraph (table with labels; and ``--iris -f tsv``, or ``-f nt`` for triples,
    which prints what raw prints)
    against raw pyoxigraph; with ``memory``, one run of relgraph ``--no-store`` (parsing the data each time)."""
    g = relgraph.open(data, queries=QUERIES, store=store)
    generation = str(store / "generations" / g.store.manifest.generation)  # type: ignore[attr-defined]
    texts = OUT / "store" / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    out = []
    for named in g.queries:
        if only and named.name not in only:
            continue
        params = {p.name: p.example for p in named.params}
        text_file = texts / f"{named.name}.rq"
        text_file.write_text(bind(with_prefixes(named.text), named.bind(params, g.resolve)), encoding="utf-8")
        cli = [RELGRAPH, "--data", str(data), "--queries", str(QUERIES), "--store", str(store), "query", named.name]
        cli += [x for k, v in params.items() for x in ("-p", f"{k}={v}")]
        raw_cmd = [sys.executable, "-c", RAW_QUERY, generation, str(text_file)]
        first = timed(raw_cmd)
        n = repeat if first["s"] < HEAVY else max(2, repeat // 2)
        rel, raw = alternate(cli, raw_cmd, n)
        plain = ["-f", "nt"] if query_form(named.text) in ("CONSTRUCT", "DESCRIBE") else ["--iris", "-f", "tsv"]
        iris, raw2 = alternate(cli + plain, raw_cmd, n)
        entry = {"query": named.name, "params": params, "relgraph": summary(rel), "raw": summary(raw + raw2),
                 "relgraph_iris": summary(iris)}
        if memory:
            i = cli.index("--store")
            entry["no_store"] = summary([timed([*cli[:i], "--no-store", *cli[i + 2:]])])
        out.append(entry)
        log("  " + query_line(entry))
    del g
    return out


def bench_stats(data: Path, store: Path, repeat: int) -> dict[str, Any]:
    """``relgraph stats`` as fresh processes: the first after a build counts (and saves the counts), the
    others read them back; and one run with ``--no-store``. The counting runs have no time limit (``--timeout 0``):
    at 3.7M triples the first count on disk takes longer than the default minute."""
    timed([RELGRAPH, "--data", str(data), "--store", str(store), "store", "rebuild"])
    first = timed([RELGRAPH, "--data", str(data), "--store", str(store), "--timeout", "0", "stats"])
    runs = [timed([RELGRAPH, "--data", str(data), "--store", str(store), "stats"]) for _ in range(repeat)]
    memory = timed([RELGRAPH, "--data", str(data), "--no-store", "--timeout", "0", "stats"])
    return {**summary(runs), "first": summary([first]), "no_store": summary([memory])}


def query_line(e: dict[str, Any]) -> str:
    rel, raw, iris = e["relgraph"], e["raw"], e["relgraph_iris"]
    memory = f"{e['no_store']['median_s']:>9.2f}" if "no_store" in e else f"{'':>9}"
    return (f"{e['query']:<22} {rel['median_s']:>9.3f} {iris['median_s']:>9.3f} {raw['median_s']:>9.3f} "
            f"{rel['median_s'] / raw['median_s']:>7.2f} {rel['median_cpu_s'] / raw['median_cpu_s']:>7.2f} "
            f"{iris['median_s'] / raw['median_s']:>7.2f} {iris['median_cpu_s'] / raw['median_cpu_s']:>7.2f} "
            f"{memory}   {raw['lines']:>7}")


def report(res: dict[str, Any]) -> str:
    lines = [f"run {res['started']} - {res['ended']}, commit {res['commit']}, load average at the end "
             f"{res['loadavg']}"]
    for size in res["sizes"]:
        lines += ["", f"SIZE {size['label']}: {size['triples']} triples, {size['bytes'] / 1e6:.1f} MB Turtle; load "
                  f"average when this size ended {size.get('loadavg', '?')}"]
        if "build" in size:
            lines += build_lines(size["build"])
        if "queries" in size:
            lines += ["COLD QUERIES (fresh processes, median wall s; relgraph = table with labels, iris = "
                      "relgraph --iris -f tsv, raw = pyoxigraph read-only; ratios over raw of wall and of CPU; "
                      "no-store = one run of relgraph --no-store)",
                      f"{'query':<22} {'relgraph':>9} {'iris':>9} {'raw':>9} {'rel/raw':>7} {'cpu':>7} "
                      f"{'iris/raw':>7} {'cpu':>7} {'no-store':>9}   {'rows':>7}"]
            lines += [query_line(e) for e in size["queries"]]
            for key in ("relgraph", "relgraph_iris"):
                worst = max(size["queries"], key=lambda e, k=key: e[k]["median_s"] / e["raw"]["median_s"])
                within = sum(e[key]["median_s"] <= 1.5 * e["raw"]["median_s"] for e in size["queries"])
                lines.append(f"{key}: within 1.5x of raw for {within} of {len(size['queries'])}; worst "
                             f"{worst['query']} {worst[key]['median_s'] / worst['raw']['median_s']:.2f}")
        if "stats" in size:
            st = size["stats"]
            lines.append(f"STATS cold, fresh processes: first after the build {st['first']['median_s']:.2f} s "
                         f"(counts, then saves them); then median {st['median_s']:.2f} s, runs {st['runs']}"
                         + (f"; --no-store {st['no_store']['median_s']:.2f} s" if "no_store" in st else ""))
    return "\n".join(lines + targets(res))


def targets(res: dict[str, Any]) -> list[str]:
    """Issue 11's targets, met or not, from this run."""
    out = ["", "TARGETS (issue 11)"]
    for size in res["sizes"]:
        if "build" in size:
            b = size["build"]
            ratio = b["relgraph"]["median_s"] / b["raw_named"]["median_s"]
            out.append(f"  {size['label']}: building the store <= 1.2x raw bulk_load (named graph): "
                       f"{'met' if ratio <= 1.2 else 'NOT met'} ({ratio:.2f}x)")
        if "queries" in size:
            ratio = {e["query"]: e["relgraph"]["median_s"] / e["raw"]["median_s"] for e in size["queries"]}
            missed = [f"{q} {r:.2f}x" for q, r in ratio.items() if r > 1.5]
            out.append(f"  {size['label']}: every named query through the CLI <= 1.5x raw: "
                       + ("met" if not missed else f"NOT met for {len(missed)} of {len(ratio)}: {', '.join(missed)}"))
        if "stats" in size:
            st = size["stats"]["median_s"]
            out.append(f"  {size['label']}: stats once built <= 2 s: {'met' if st <= 2 else 'NOT met'} ({st:.2f} s)")
    return out


def build_lines(b: dict[str, Any]) -> list[str]:
    rel = b["relgraph"]
    out = [f"BUILD (fresh processes, median wall s of {len(rel['runs'])}; ratio = relgraph / raw)",
           f"  relgraph store rebuild           {rel['median_s']:8.2f}"]
    for kind, text in (("raw_named", "raw bulk_load, named graph"), ("raw_default", "raw bulk_load, default graph")):
        out.append(f"  {text:<32} {b[kind]['median_s']:8.2f}   ratio {rel['median_s'] / b[kind]['median_s']:.2f} "
                   f"(cpu {rel['median_cpu_s'] / b[kind]['median_cpu_s']:.2f})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1m", help="comma-separated triple counts (1m, 5m, 3.7m)")
    ap.add_argument("--repeat", type=int, default=5, help="cold runs per query and engine")
    ap.add_argument("--build-repeat", type=int, default=2, help="builds per kind")
    ap.add_argument("--stats-size", default="", help="also time 'relgraph stats' at this size (e.g. 3.7m)")
    ap.add_argument("--no-build", action="store_true", help="skip timing the build (the store is reused)")
    ap.add_argument("--only", default="", help="comma-separated query names")
    ap.add_argument("--no-memory", action="store_true", help="skip the runs with --no-store")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where the results go (JSON)")
    ap.add_argument("--report", action="store_true", help="print the tables of the last run")
    args = ap.parse_args(argv)
    if args.report:
        print(report(json.loads(args.out.read_text(encoding="utf-8"))))
        return 0

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    only = set(args.only.split(",")) if args.only else None
    res: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "sizes": [],
                           "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                                    capture_output=True, text=True).stdout.strip()}
    sizes = [generate.parse_size(s) for s in args.sizes.split(",") if s]
    stats_size = generate.parse_size(args.stats_size) if args.stats_size else None
    for size in sorted(set(sizes) | ({stats_size} if stats_size else set())):
        path, data, store = dataset(size, log)
        label = generate.label_of(size)
        entry: dict[str, Any] = {"label": label, "bytes": path.stat().st_size}
        if size in sizes and not args.no_build:
            log(f"[{label}] build ...")
            entry["build"] = bench_build(path, data, store, args.build_repeat, log)
        elif not (store / "current.json").exists():
            timed([RELGRAPH, "--data", str(data), "--store", str(store), "store", "rebuild"])
        entry["triples"] = relgraph.store_status(data, store=store).triples
        if size in sizes:
            log(f"[{label}] cold queries ...")
            entry["queries"] = bench_queries(data, store, args.repeat, log, only, not args.no_memory)
        if size == stats_size:
            log(f"[{label}] stats ...")
            entry["stats"] = bench_stats(data, store, 3)
        res["sizes"].append(entry)
        entry["loadavg"] = round(os.getloadavg()[0], 2)
        log(f"[{label}] done, load average {entry['loadavg']}")
    res["ended"], res["loadavg"] = time.strftime("%Y-%m-%d %H:%M:%S"), round(os.getloadavg()[0], 1)
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
