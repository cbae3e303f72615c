"""The network projection at scale: relgraph.network.project (the store read once as plain statements) against
the SPARQL reference (relgraph.network.projection_sparql.project_sparql), at each size in one run, with the
breakdown of the fast one, a check that both give the same network, and `relgraph rank --by betweenness` end to
end.

Usage::

    .venv/bin/python benchmarks/projection.py --sizes 100k,1m --repeat 3 --repeat-reference 1

Missing synthetic files are generated first (benchmarks/generate.py). Results go to benchmarks/out/projection.json.
Times are wall seconds (best of the runs) with the process's CPU seconds beside them: the machine is shared, and
the 1-minute load average at the end of each run is printed too.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "benchmarks"))

import relgraph  # noqa: E402
from relgraph.cycles import without_cycle_collection  # noqa: E402
from relgraph.network import assembly, project, reading, structure  # noqa: E402
from relgraph.network.projection_sparql import project_sparql  # noqa: E402
from relgraph.states import claims_from_statements  # noqa: E402
from relgraph.store.statements import statements  # noqa: E402


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """``work()`` with its wall and CPU seconds, the cycle collector run beforehand so no run pays for another."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def best(runs: list[tuple[float, float, float]]) -> dict[str, float]:
    wall, cpu, avg = min(runs)
    return {"s": round(wall, 2), "cpu": round(cpu, 2), "load": avg, "runs": [round(r[0], 2) for r in runs]}


def same(a: Any, b: Any) -> bool:
    """The same graph attributes, nodes with their attributes (and their order), edges with keys and attributes."""
    return (a.graph == b.graph and list(a.nodes(data=True)) == list(b.nodes(data=True))
            and [list(d) for _, d in a.nodes(data=True)] == [list(d) for _, d in b.nodes(data=True)]
            and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True)))


def breakdown(g: Any) -> dict[str, float]:
    """CPU seconds of each step of the fast projection, in the order project() takes them."""
    steps: dict[str, float] = {}

    def step(name: str, work: Callable[[], Any]) -> Any:
        cpu = time.process_time()
        result = work()
        steps[name] = round(time.process_time() - cpu, 2)
        return result

    gc.collect()
    with without_cycle_collection():
        by = step("read statements (store) + group by property", lambda: reading._by_property(statements(g.store)))
        entities = step("which resources are entities", lambda: reading._entity_iris(by))
        nodes = step("node attributes and labels", lambda: reading._nodes(by, entities, "en"))
        keys = step("relation keys", lambda: reading._keys(by, nodes))
        claims = step("claims of every source", lambda: claims_from_statements(by, g.published))
        step("free the statements", by.clear)
        step("assemble: kinds, states, edge words, dates, networkx",
             lambda: assembly.assemble(g, nodes, keys, claims, lang="en", day=None))
        step("free the rest", lambda: (nodes.clear(), keys.clear(), claims.clear()))
    return steps


def rank_end_to_end(path: Path, repeat: int) -> dict[str, Any]:
    """`relgraph rank --by betweenness` as a user runs it, a new process each time: on a built store with
    nothing saved for its generation (cold), with the structure saved by the run before (warm), and with
    ``--no-store`` (parsing the file); wall and CPU time."""
    store = OUT / "store" / f"rank-{path.stem}"
    command = [str(Path(sys.executable).parent / "relgraph"), "--data", str(path), "--store", str(store), "rank",
               "--by", "betweenness", "--top", "5"]
    subprocess.run([*command[:5], "store", "rebuild"], capture_output=True, check=True)
    runs: dict[str, list[tuple[float, float, float]]] = {"cold": [], "warm": [], "no_store": []}
    for _ in range(repeat):
        for kind in runs:
            if kind == "cold":
                for pickle in store.glob("generations/*.memo/*.pickle"):
                    pickle.unlink()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = time.perf_counter()
            cmd = command if kind != "no_store" else [*command[:3], "--no-store", *command[5:]]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            runs[kind].append((time.perf_counter() - wall, cpu, load()))
    said = (done.stdout + done.stderr).splitlines()
    return {**best(runs["cold"]), "warm": best(runs["warm"]), "no_store": best(runs["no_store"]),
            "method": next((ln for ln in said if ln.startswith("betweenness:")), "")}


def bench_size(size: str, args: argparse.Namespace) -> dict[str, Any]:
    from generate import generate, label_of, parse_size

    n = parse_size(size)
    path = OUT / f"synthetic-{label_of(n)}.ttl"
    if not path.exists():
        generate(n, out=path)
    g, load_s, _ = timed(lambda: relgraph.open(path))
    fast_runs, ref_runs, first = [], [], {}
    for i in range(max(args.repeat, args.repeat_reference)):
        if i < args.repeat:
            net, wall, cpu = timed(lambda: project(g))
            fast_runs.append((wall, cpu, load()))
            first.setdefault("fast", net)
        if i < args.repeat_reference:
            net, wall, cpu = timed(lambda: project_sparql(g))
            ref_runs.append((wall, cpu, load()))
            first.setdefault("reference", net)
        net = None
    fast, ref = first["fast"], first.get("reference")
    out = {"size": label_of(n), "triples": len(g.store), "load_s": round(load_s, 2),
           "nodes": fast.number_of_nodes(), "edges": fast.number_of_edges(), "fast": best(fast_runs),
           "reference": best(ref_runs) if ref_runs else None,
           "same": same(fast, ref) if ref is not None else None}
    first.clear()
    out["structure"] = best([timed(lambda: structure(g))[1:] + (load(),) for _ in range(args.repeat)])
    out["breakdown"] = breakdown(g)
    if args.disk:
        out["disk"] = bench_disk(path, args.repeat)
    return out


def bench_disk(path: Path, repeat: int) -> dict[str, Any]:
    """The projection from the store on disk (what the commands use by default): cold (nothing saved for this
    generation: read from the store) and warm (read back from the generation's memo folder, in a fresh
    ``relgraph.open``), for the full projection and the structure alone; cold twice: through the copy of the data
    files in memory that bulk reads use (``DiskStore.in_memory``), and from the generation itself (the copy turned
    off, as above ``COPY_LIMIT`` triples)."""
    import relgraph.store.disk as disk

    data = OUT / "store" / path.stem.removeprefix("synthetic-") / "data"
    data.mkdir(parents=True, exist_ok=True)
    linked = data / path.name
    if not linked.exists():
        os.link(path, linked)
    folder = OUT / "store" / path.stem.removeprefix("synthetic-") / "store"
    relgraph.open(data, store=folder)  # built now if it is not yet
    out: dict[str, Any] = {}
    limit = disk.COPY_LIMIT
    for name, make in (("full", project), ("structure", structure)):
        cold, warm, generation = [], [], []
        for _ in range(repeat):
            for runs, copy_limit in ((generation, 0), (cold, limit)):
                for pickle in folder.glob("generations/*.memo/*.pickle"):
                    pickle.unlink()
                disk.COPY_LIMIT = copy_limit
                try:
                    runs.append(timed(lambda make=make: make(relgraph.open(data, store=folder)))[1:] + (load(),))
                finally:
                    disk.COPY_LIMIT = limit
            warm.append(timed(lambda make=make: make(relgraph.open(data, store=folder)))[1:] + (load(),))
        out[name] = {"cold": best(cold), "warm": best(warm), "generation": best(generation)}
    return out


def report(results: dict[str, Any]) -> str:
    lines = ["NETWORK PROJECTION (wall seconds, best of the runs; cpu = the process's CPU seconds; load = 1-minute "
             "load average, 2 CPUs)",
             f"{'size':>5} {'triples':>9} {'nodes':>7} {'edges':>7} {'fast s':>7} {'cpu':>6} {'SPARQL s':>9} "
             f"{'cpu':>6} {'ratio':>6} {'same':>5} {'load':>5}"]
    for r in results["sizes"]:
        f, s = r["fast"], r["reference"] or {}
        ratio = f"{s['s'] / f['s']:.1f}x" if s else "-"
        lines.append(f"{r['size']:>5} {r['triples']:>9,} {r['nodes']:>7,} {r['edges']:>7,} {f['s']:>7.2f} "
                     f"{f['cpu']:>6.2f} {s.get('s', float('nan')):>9.2f} {s.get('cpu', float('nan')):>6.2f} "
                     f"{ratio:>6} {str(r['same']):>5} {f['load']:>5.2f}")
    lines += ["", "STRUCTURE ALONE and FROM THE STORE ON DISK (wall s, best of the runs; cold = nothing saved for the "
              "generation, warm = read back from its memo folder after a fresh relgraph.open; load = 1-minute "
              "load average)"]
    for r in results["sizes"]:
        st = r.get("structure")
        if st:
            lines.append(f"{r['size']:>5} in memory: structure alone {st['s']:.2f} s (cpu {st['cpu']:.2f}, load "
                         f"{st['load']:.2f}); full projection {r['fast']['s']:.2f} s")
        for name, d in (r.get("disk") or {}).items():
            c, w = d["cold"], d["warm"]
            lines.append(f"{r['size']:>5} on disk, {name:<9}: cold {c['s']:.2f} s (cpu {c['cpu']:.2f}, load "
                         f"{c['load']:.2f}), warm {w['s']:.2f} s (cpu {w['cpu']:.2f}, load {w['load']:.2f})")
            if "generation" in d:
                gen = d["generation"]
                lines.append(f"{'':>5}   cold from the generation itself (no copy in memory): {gen['s']:.2f} s "
                             f"(cpu {gen['cpu']:.2f}, load {gen['load']:.2f})")
    for r in results["sizes"]:
        lines.append(f"\nbreakdown of the fast projection at {r['size']} (CPU seconds, one run):")
        lines += [f"  {name:<55} {secs:>6.2f}" for name, secs in r["breakdown"].items()]
        lines.append(f"  {'total':<55} {sum(r['breakdown'].values()):>6.2f}")
    if results.get("rank"):
        k = results["rank"]
        lines.append(f"\nrelgraph rank --by betweenness --top 5 at {k['size']}, end to end, store built: cold "
                     f"{k['s']:.2f} s wall (runs {k['runs']}), {k['cpu']:.2f} s CPU, load {k['load']:.2f}; "
                     f"{k['method']}")
        for name in ("warm", "no_store"):
            if name in k:
                w = k[name]
                lines.append(f"  {name}: {w['s']:.2f} s wall (runs {w['runs']}), {w['cpu']:.2f} s CPU, load "
                             f"{w['load']:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k,1m", help="comma-separated triple counts (100k, 1m)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the fast projection per size")
    ap.add_argument("--repeat-reference", type=int, default=1, help="runs of the SPARQL projection per size")
    ap.add_argument("--rank-size", default="100k", help="size for `relgraph rank --by betweenness` ('' to skip)")
    ap.add_argument("--rank-repeat", type=int, default=3)
    ap.add_argument("--no-disk", dest="disk", action="store_false", help="skip the store on disk (cold, warm)")
    ap.add_argument("--out", type=Path, default=OUT / "projection.json")
    args = ap.parse_args(argv)
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "nproc": os.cpu_count(),
                               "python": sys.version.split()[0], "sizes": []}
    for size in args.sizes.split(","):
        results["sizes"].append(bench_size(size, args))
        print(report(results).split("\n\n")[0], flush=True)
    if args.rank_size:
        from generate import label_of, parse_size

        label = label_of(parse_size(args.rank_size))
        results["rank"] = {"size": label, **rank_end_to_end(OUT / f"synthetic-{label}.ttl", args.rank_repeat)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("\n" + report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
