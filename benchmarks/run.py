"""Benchmark relgraph against rdflib's own engine and raw pyoxigraph, on synthetic data of growing size.

For each size (synthetic-SIZE.ttl from benchmarks/generate.py, made when missing), in one run of this script:

* load time and memory of (a) relgraph (``relgraph.open(file)``, engine oxigraph), (b) rdflib's own engine
  (plain ``rdflib.Graph().parse(file)``), (c) raw pyoxigraph (``Store().bulk_load(file)``). Memory is the
  process's resident set size (psutil RSS), sampled every 2 ms during the load: ``peak`` is the highest RSS
  minus the RSS before, ``kept`` the RSS after the load (and a gc) minus the RSS before. tracemalloc is not
  used: it cannot see Oxigraph's allocations, which are made in Rust.
* every named query in queries/ with the example values of its parameters, through (a) ``g.query(name,
  **params)`` (entity resolution, binding, the engine, term conversion and the label lookup of every IRI in
  the answer: all that a user waits for), (b) rdflib ``Graph.query`` and (c) pyoxigraph ``Store.query``
  iterating every row and every value. (b) and (c) run exactly the text relgraph sends to its engine:
  ``relgraph.sparql.bind`` over the query with relgraph's prefix declarations, the parameters resolved once.
  Best of N runs. relgraph and pyoxigraph run in a forked child each (their data live in Rust memory, which a
  fork shares untouched), so that a query that runs away can be stopped; rdflib runs in this process under a
  SIGALRM timer (it is pure Python, so the timer interrupts it), which avoids copy-on-write faults in a fork
  inflating its times. A query that does not finish within --timeout seconds is reported as ">T".
* a breakdown of relgraph's time per query: resolving entity parameters, the store query (engine + term
  conversion), the label lookup.

Finally ``relgraph --data data query NAME`` on the seed from a cold process, best of 5 (wall clock).

Usage::

    .venv/bin/python benchmarks/run.py --sizes 10k,100k,1m --repeat 3 --out benchmarks/out/results.json
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import multiprocessing as mp
import os
import platform
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402
import psutil  # noqa: E402
import pyoxigraph  # noqa: E402
import rdflib  # noqa: E402

import relgraph  # noqa: E402
from relgraph.labels import labels as label_lookup  # noqa: E402
from relgraph.sparql import bind  # noqa: E402
from relgraph.sparql import with_prefixes as _with_prefixes  # noqa: E402
from relgraph.terms import IRI  # noqa: E402

QUERIES = ROOT / "queries"
PROC = psutil.Process()


# ---------------------------------------------------------------------------------------------- memory and time

class PeakRSS:
    """Samples this process's RSS in a thread; ``peak`` and ``kept`` are deltas against the RSS at the start."""

    def __enter__(self) -> PeakRSS:
        gc.collect()
        self.before = PROC.memory_info().rss
        self.peak = self.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, PROC.memory_info().rss)
            self._stop.wait(0.002)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        gc.collect()
        after = PROC.memory_info().rss
        self.peak = max(self.peak, after)
        self.peak_mb = (self.peak - self.before) / 2**20
        self.kept_mb = (after - self.before) / 2**20


def timed_load(fn: Any) -> tuple[Any, float, PeakRSS]:
    with PeakRSS() as mem:
        t, c = time.perf_counter(), time.process_time()
        obj = fn()
        dt = time.perf_counter() - t
        mem.cpu_s = time.process_time() - c  # includes the (cheap) sampling thread
    return obj, dt, mem


class Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Timeout()


# ---------------------------------------------------------------------------------------------- the three engines

def count_ox(answer: Any) -> int:
    """Iterate every row (and every value in it) of a pyoxigraph answer; the number of rows or triples."""
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return 1
    n = 0
    if isinstance(answer, pyoxigraph.QuerySolutions):
        width = len(answer.variables)
        for sol in answer:
            for i in range(width):
                sol[i]
            n += 1
        return n
    for _ in answer:
        n += 1
    return n


def count_rdflib(answer: Any) -> int:
    if answer.type == "ASK":
        return 1
    n = 0
    for row in answer:
        for _ in row:
            pass
        n += 1
    return n


def run_in_child(work: Any, repeat: int, timeout: float, detail: Any = None) -> dict[str, Any]:
    """Run ``work(i)`` ``repeat`` times in a forked child; each run must finish within ``timeout`` seconds.

    ``work`` returns (wall seconds, CPU seconds, rows). The answer holds the best wall and CPU times, the rows,
    and ``timed_out``. ``detail()``, if given, runs after the timed runs (with a timeout of its own) and its
    dictionary becomes ``extra``.
    """
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def child() -> None:
        gc.disable()  # a full collection would touch, and so copy, every object inherited from the parent
        try:
            for i in range(repeat):
                send.send(("ok", work(i)))
            if detail is not None:
                send.send(("detail", detail()))
        except BaseException as e:  # report, never hang the parent
            send.send(("error", f"{type(e).__name__}: {e}"))
        send.close()

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    times, cpus, rows, extra, error, timed_out = [], [], None, {}, None, False
    for _ in range(repeat):
        if not recv.poll(timeout):
            timed_out = True
            break
        try:
            status, payload = recv.recv()
        except EOFError:
            error = "child died (out of memory?)"
            break
        if status == "error":
            error = payload
            break
        dt, cpu, rows = payload
        times.append(dt)
        cpus.append(cpu)
    if detail is not None and not timed_out and not error and recv.poll(2 * timeout):
        try:
            status, payload = recv.recv()
            if status == "detail":
                extra = payload
        except EOFError:
            pass
    if proc.is_alive():
        proc.kill()
    proc.join()
    recv.close()
    return {"s": min(times) if times else None, "cpu_s": min(cpus) if cpus else None, "runs": times, "rows": rows,
            "timed_out": timed_out and not times, "error": error, "load": os.getloadavg()[0],
            **({"extra": extra} if extra else {})}


def run_rdflib(graph: rdflib.Graph, text: str, repeat: int, timeout: float) -> dict[str, Any]:
    times: list[float] = []
    cpus: list[float] = []
    rows, error, timed_out = None, None, False
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(repeat):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                t, c = time.perf_counter(), time.process_time()
                rows = count_rdflib(graph.query(text))
                times.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
            except Timeout:
                timed_out = True
                break
            except Exception as e:  # an engine that cannot answer a query is a result, not a crash
                error = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, old)
    gc.collect()
    return {"s": min(times) if times else None, "cpu_s": min(cpus) if cpus else None, "runs": times, "rows": rows,
            "timed_out": timed_out and not times, "error": error, "load": os.getloadavg()[0]}


# ---------------------------------------------------------------------------------------------- one size

def bench_size(size: int, *, repeat: int, timeout: float, rdflib_budget: float, log: Any,
               only: set[str] | None = None) -> dict[str, Any]:
    path = generate.OUT / f"synthetic-{generate.label_of(size)}.ttl"
    meta = path.with_suffix(".json")
    if not path.exists() or not meta.exists():
        log(f"generating {path.name} ...")
        info = generate.generate(size, out=path)
        meta.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    info = json.loads(meta.read_text(encoding="utf-8"))
    out: dict[str, Any] = {"size": size, "label": generate.label_of(size), "file": str(path.relative_to(ROOT)),
                           "bytes": path.stat().st_size, "generated": info, "repeat": repeat, "timeout": timeout}

    log(f"[{out['label']}] loading with relgraph ...")
    g, t_rel, m_rel = timed_load(lambda: relgraph.open(path, queries=QUERIES))
    log(f"[{out['label']}] loading with raw pyoxigraph ...")

    def ox_load() -> pyoxigraph.Store:
        s = pyoxigraph.Store()
        s.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        return s

    store, t_ox, m_ox = timed_load(ox_load)
    log(f"[{out['label']}] loading with rdflib (plain rdflib.Graph().parse) ...")
    graph, t_rdf, m_rdf = timed_load(lambda: rdflib.Graph().parse(str(path), format="turtle"))
    out["triples"] = {"relgraph": len(g.store), "pyoxigraph": len(store), "rdflib": len(graph)}
    out["load"] = {
        "relgraph": {"s": t_rel, "cpu_s": m_rel.cpu_s, "peak_mb": m_rel.peak_mb, "kept_mb": m_rel.kept_mb},
        "pyoxigraph": {"s": t_ox, "cpu_s": m_ox.cpu_s, "peak_mb": m_ox.peak_mb, "kept_mb": m_ox.kept_mb},
        "rdflib": {"s": t_rdf, "cpu_s": m_rdf.cpu_s, "peak_mb": m_rdf.peak_mb, "kept_mb": m_rdf.kept_mb},
        "loadavg_1min": os.getloadavg()[0],
    }
    log(f"[{out['label']}] load: relgraph {t_rel:.2f}s, pyoxigraph {t_ox:.2f}s, rdflib {t_rdf:.2f}s "
        f"({out['triples']['relgraph']} triples)")

    results = []
    rdflib_spent = 0.0
    for named in g.queries:
        if only and named.name not in only:
            continue
        params = {p.name: p.example for p in named.params}
        entry: dict[str, Any] = {"query": named.name, "params": params}
        try:
            bindings = named.bind(params, g.resolve)
        except Exception as e:
            entry["error"] = f"cannot bind example parameters: {e}"
            results.append(entry)
            log(f"  {named.name}: {entry['error']}")
            continue
        text = bind(_with_prefixes(named.text), bindings)
        entry["bindings"] = {k: str(v) for k, v in bindings.items()}

        def rel_work(i: int, named: Any = named, params: dict[str, str] = params) -> tuple[float, float, int]:
            t, c = time.perf_counter(), time.process_time()
            r = g.query(named.name, **params)
            return time.perf_counter() - t, time.process_time() - c, len(r)

        def rel_detail(named: Any = named, params: dict[str, str] = params) -> dict[str, Any]:
            """Where relgraph's time goes: resolve + bind, the store (engine + conversion), the labels."""
            t0 = time.perf_counter()
            b = named.bind(params, g.resolve)
            t1 = time.perf_counter()
            raw = g.store.query(_with_prefixes(named.text), bindings=b)
            t2 = time.perf_counter()
            found = {x for row in raw.rows for x in row if isinstance(x, IRI)}
            found |= {x for tr in raw.triples for x in tr if isinstance(x, IRI)}
            label_lookup(g.store, found, "en")
            t3 = time.perf_counter()
            extra = {"resolve_s": t1 - t0, "store_s": t2 - t1, "labels_s": t3 - t2, "iris": len(found)}
            if "labels" in inspect.signature(g.query).parameters:  # g.query(..., labels=False) skips them
                t4 = time.perf_counter()
                g.query(named.name, labels=False, **params)
                extra["no_labels_s"] = time.perf_counter() - t4
            return extra

        def ox_work(i: int, text: str = text) -> tuple[float, float, int]:
            t, c = time.perf_counter(), time.process_time()
            n = count_ox(store.query(text))
            return time.perf_counter() - t, time.process_time() - c, n

        entry["relgraph"] = run_in_child(rel_work, repeat, timeout, rel_detail)
        entry["pyoxigraph"] = run_in_child(ox_work, repeat, timeout)
        if rdflib_spent > rdflib_budget:
            entry["rdflib"] = {"s": None, "skipped": f"rdflib budget of {rdflib_budget:.0f} s for this size spent"}
        else:
            t = time.perf_counter()
            entry["rdflib"] = run_rdflib(graph, text, repeat if size < 1_000_000 else 1, timeout)
            rdflib_spent += time.perf_counter() - t
        rows = {k: entry[k].get("rows") for k in ("relgraph", "rdflib", "pyoxigraph")}
        seen = {v for v in rows.values() if v is not None}
        entry["rows"] = rows["relgraph"] if rows["relgraph"] is not None else rows["pyoxigraph"]
        if len(seen) > 1:
            entry["row_mismatch"] = rows
        results.append(entry)
        log("  " + row_line(out["label"], entry, timeout))
    out["queries"] = results
    return out


# ---------------------------------------------------------------------------------------------- cold start

def cold_start(runs: int = 5) -> dict[str, Any]:
    exe = ROOT / ".venv" / "bin" / "relgraph"
    from relgraph.sparql import QueryCatalogue

    cat = QueryCatalogue(QUERIES)
    name = "agreements" if "agreements" in cat else next(iter(cat)).name
    args = [str(exe), "--data", str(ROOT / "data"), "--queries", str(QUERIES), "query", name]
    args += [f"-p{p.name}={p.example}" for p in cat.get(name).params]

    def best(cmd: list[str]) -> tuple[float, list[float]]:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - t)
        return min(times), times

    py = str(ROOT / ".venv" / "bin" / "python")
    cmd_s, cmd_runs = best(args)
    bare_s, _ = best([py, "-c", "pass"])
    imp_s, _ = best([py, "-c", "import relgraph.cli"])
    return {"command": " ".join(["relgraph", *args[1:]]).replace(str(ROOT) + "/", ""), "best_s": cmd_s,
            "runs": cmd_runs, "python_startup_s": bare_s, "import_relgraph_cli_s": imp_s, "load": os.getloadavg()[0]}


# ---------------------------------------------------------------------------------------------- tables

def fmt_s(r: dict[str, Any] | None, timeout: float) -> str:
    if not r:
        return "-"
    if r.get("s") is not None:
        return f"{r['s']:.4f}" if r["s"] < 10 else f"{r['s']:.1f}"
    if r.get("timed_out"):
        return f">{timeout:.0f}"
    if r.get("skipped"):
        return "skipped"
    return "error"


def ratio(a: dict[str, Any] | None, b: dict[str, Any] | None, timeout: float, key: str = "s") -> str:
    """a / b, with '>' or '<' when one side timed out."""
    if not a or not b:
        return "-"
    sa, sb = a.get(key), b.get(key)
    if sa is not None and sb is not None and sb > 0:
        return f"{sa / sb:.1f}" if sa / sb >= 10 else f"{sa / sb:.2f}"
    if sa is None and a.get("timed_out") and sb:
        return f">{timeout / sb:.0f}"
    if sb is None and b.get("timed_out") and sa is not None:
        return f"<{sa / timeout:.2f}"
    return "-"


HEAD = (f"{'size':>5} {'query':<22} {'rows':>7} {'relgraph s':>10} {'rdflib s':>9} {'pyoxigraph s':>12} "
        f"{'rdflib/relgraph':>15} {'relgraph/pyox':>13} {'cpu rdf/rel':>11} {'cpu rel/pyox':>12} {'load':>5}")


def row_line(label: str, e: dict[str, Any], timeout: float = 60) -> str:
    if "error" in e:
        return f"{label:>5} {e['query']:<22} {e['error']}"
    rows = "-" if e.get("rows") is None else str(e["rows"])
    mark = " *" if "row_mismatch" in e else ""
    return (f"{label:>5} {e['query']:<22} {rows:>7} {fmt_s(e['relgraph'], timeout):>10} "
            f"{fmt_s(e['rdflib'], timeout):>9} {fmt_s(e['pyoxigraph'], timeout):>12} "
            f"{ratio(e['rdflib'], e['relgraph'], timeout):>15} {ratio(e['relgraph'], e['pyoxigraph'], timeout):>13} "
            f"{ratio(e['rdflib'], e['relgraph'], timeout, 'cpu_s'):>11} "
            f"{ratio(e['relgraph'], e['pyoxigraph'], timeout, 'cpu_s'):>12} "
            f"{e['relgraph'].get('load', 0):>5.1f}{mark}")


def report(res: dict[str, Any]) -> str:
    lines = ["", "QUERIES (best of N, wall seconds; rdflib/relgraph = how many times faster relgraph is than rdflib; "
             "relgraph/pyox = relgraph's time over raw pyoxigraph's; cpu ... = the same ratios on CPU time; "
             "load = 1-minute load average when relgraph's runs ended)", HEAD]
    for s in res["sizes"]:
        for e in s["queries"]:
            lines.append(row_line(s["label"], e, s["timeout"]))
        lines.append("")
    lines.append("ROW COUNTS THAT DIFFER BETWEEN ENGINES (marked * above)")
    for s in res["sizes"]:
        for e in s["queries"]:
            if "row_mismatch" in e:
                lines.append(f"  {s['label']:>5} {e['query']}: {e['row_mismatch']}")
    lines.append("")
    lines.append("RELGRAPH BREAKDOWN (one run, seconds): total = g.query best of N; resolve = entity parameters to "
                 "IRIs; store = engine + term conversion; labels = label lookup of the IRIs in the answer; "
                 "labels=False = one g.query(..., labels=False), where relgraph has that option")
    lines.append(f"{'size':>5} {'query':<22} {'total':>8} {'resolve':>8} {'store':>8} {'labels':>8} {'IRIs':>7} "
                 f"{'pyox':>8} {'labels=False':>12}")
    for s in res["sizes"]:
        for e in s["queries"]:
            x = (e.get("relgraph") or {}).get("extra")
            if not x:
                continue
            lines.append(f"{s['label']:>5} {e['query']:<22} {e['relgraph']['s']:>8.4f} {x['resolve_s']:>8.4f} "
                         f"{x['store_s']:>8.4f} {x['labels_s']:>8.4f} {x['iris']:>7} "
                         f"{fmt_s(e['pyoxigraph'], s['timeout']):>8} "
                         f"{(format(x['no_labels_s'], '.4f') if 'no_labels_s' in x else '-'):>12}")
        lines.append("")
    lines.append("LOAD (wall seconds; memory = psutil RSS delta in MiB: peak during load / kept after load)")
    lines.append(f"{'size':>5} {'triples':>8} {'MB ttl':>7} {'relgraph s':>10} {'rdflib s':>9} {'pyoxigraph s':>12} "
                 f"{'rdflib/relgraph':>15} {'relgraph/pyox':>13} {'relgraph MiB':>14} {'rdflib MiB':>12} "
                 f"{'pyoxigraph MiB':>14}")
    for s in res["sizes"]:
        ld = s["load"]
        mem = {k: f"{ld[k]['peak_mb']:.0f}/{ld[k]['kept_mb']:.0f}" for k in ("relgraph", "rdflib", "pyoxigraph")}
        lines.append(f"{s['label']:>5} {s['triples']['relgraph']:>8} {s['bytes'] / 1e6:>7.1f} "
                     f"{ld['relgraph']['s']:>10.2f} {ld['rdflib']['s']:>9.2f} {ld['pyoxigraph']['s']:>12.2f} "
                     f"{ld['rdflib']['s'] / ld['relgraph']['s']:>15.1f} "
                     f"{ld['relgraph']['s'] / ld['pyoxigraph']['s']:>13.2f} {mem['relgraph']:>14} "
                     f"{mem['rdflib']:>12} {mem['pyoxigraph']:>14}   (CPU s: relgraph {ld['relgraph']['cpu_s']:.2f}, "
                     f"rdflib {ld['rdflib']['cpu_s']:.2f}, pyoxigraph {ld['pyoxigraph']['cpu_s']:.2f}; "
                     f"load {ld.get('loadavg_1min', 0):.1f})")
    if res.get("cold"):
        c = res["cold"]
        lines += ["", f"COLD START on the seed: `{c['command']}`: best of {len(c['runs'])} = {c['best_s']:.3f} s "
                  f"(runs {', '.join(f'{t:.3f}' for t in c['runs'])}); python -c pass {c['python_startup_s']:.3f} s; "
                  f"python -c 'import relgraph.cli' {c['import_relgraph_cli_s']:.3f} s; load {c.get('load', 0):.1f}"]
    m = res.get("machine", {})
    dirty = ", ".join(x.split(maxsplit=1)[-1] for x in m.get("uncommitted", [])) or "none"
    lines += ["", f"code: commit {m.get('commit', '?')}, uncommitted changes in: {dirty}; "
              f"run {res.get('started')} - {res.get('finished')}", targets(res)]
    return "\n".join(lines)


def targets(res: dict[str, Any]) -> str:
    """The targets of issue 3 item 7, checked at the largest size run."""
    if not res["sizes"]:
        return ""
    s = max(res["sizes"], key=lambda x: x["size"])
    lines = [f"TARGETS at {s['label']} triples"]
    slow_rdf, slow_ox = [], []
    for e in s["queries"]:
        if "error" in e:
            slow_rdf.append(f"{e['query']} (error)")
            continue
        rel, rdf, ox = e["relgraph"], e["rdflib"], e["pyoxigraph"]
        if rel.get("s") is None:
            slow_rdf.append(f"{e['query']} (relgraph did not finish)")
            slow_ox.append(f"{e['query']} (relgraph did not finish)")
            continue
        if rdf.get("s") is not None and rdf["s"] / rel["s"] < 20:
            slow_rdf.append(f"{e['query']} ({rdf['s'] / rel['s']:.1f}x)")
        elif rdf.get("s") is None and not rdf.get("timed_out"):
            slow_rdf.append(f"{e['query']} (rdflib not measured)")
        elif rdf.get("timed_out") and s["timeout"] / rel["s"] < 20:
            slow_rdf.append(f"{e['query']} (rdflib >{s['timeout']:.0f} s, only >{s['timeout'] / rel['s']:.1f}x known)")
        if ox.get("s") is not None and rel["s"] / ox["s"] > 1.5:
            slow_ox.append(f"{e['query']} ({rel['s'] / ox['s']:.2f}x)")
    lines.append("  every query >= 20x faster than rdflib: " + ("met" if not slow_rdf else
                                                              "NOT met for " + ", ".join(slow_rdf)))
    lines.append("  every query within 1.5x of raw pyoxigraph: " + ("met" if not slow_ox else
                                                                  "NOT met for " + ", ".join(slow_ox)))
    ld = s["load"]
    r = ld["rdflib"]["s"] / ld["relgraph"]["s"]
    lines.append(f"  loading >= 10x faster than rdflib: {'met' if r >= 10 else 'NOT met'} ({r:.1f}x)")
    if res.get("cold"):
        c = res["cold"]["best_s"]
        lines.append(f"  cold `relgraph query` on the seed < 1 s: {'met' if c < 1 else 'NOT met'} ({c:.3f} s)")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    from importlib.metadata import version

    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted": git("status", "--porcelain", "--", "src", "queries").splitlines(),
            "nproc": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(),
            "pyoxigraph": version("pyoxigraph"), "rdflib": version("rdflib"), "relgraph": version("relgraph")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated sizes in triples [10k,100k,1m]")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query, best taken (below 1M) [3]")
    ap.add_argument("--repeat-1m", type=int, default=2,
                    help="runs per query for relgraph and pyoxigraph at 1M triples and more; rdflib runs once [2]")
    ap.add_argument("--timeout", type=float, default=60, help="seconds one query run may take [60]")
    ap.add_argument("--rdflib-budget", type=float, default=420,
                    help="seconds of rdflib query time per size; later queries are skipped for rdflib [420]")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start measurement")
    ap.add_argument("--queries", default="", help="comma-separated named queries to run [all]")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "results.json")
    ap.add_argument("--report", action="store_true", help="print the tables of an earlier run (--out) and stop")
    args = ap.parse_args(argv)
    if args.report:
        print(report(json.loads(args.out.read_text(encoding="utf-8"))))
        return 0

    def log(msg: str) -> None:
        print(msg, flush=True)

    res: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S"), "sizes": []}
    log(json.dumps(res["machine"]))
    log(HEAD)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for label in args.sizes.split(","):
        size = generate.parse_size(label)
        repeat = args.repeat if size < 1_000_000 else args.repeat_1m
        res["sizes"].append(bench_size(size, repeat=repeat, timeout=args.timeout, rdflib_budget=args.rdflib_budget,
                                       log=log, only=set(filter(None, args.queries.split(","))) or None))
        args.out.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    if not args.no_cold:
        log("cold start ...")
        res["cold"] = cold_start()
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    args.out.write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    log(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
