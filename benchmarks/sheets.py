"""Benchmarks of import and mentions (issue: "Adding what new documents say"); prints times, asserts nothing.

* import: a sheet of 10,000 relations (and 1,000 new entities) between entities of a copy of data/, imported
  into that copy, validation of the new file included (target: at most 10 s); then the shapes alone on the new
  resources, by relgraph's fast path and by pySHACL (``--compare``, on a sheet of ``--compare-relations``);
* mentions: a 1 MB document against the labels of benchmarks/out/synthetic-1m.ttl (made by
  ``benchmarks/generate.py --sizes 1m``), the graph kept in a store folder (benchmarks/out/store-1m, built on
  the first run): the gazetteer built from the graph and saved, then the text searched (cold: the first run
  after a change of the data); then, in a new process as a second command would be, the gazetteer read back
  from the store folder and the same text searched (warm; target: 2 s).

Import, gazetteer and search print the process's CPU time beside the wall time.

Each line ends with the 1-minute load average when it was printed (the machine is shared).

    .venv/bin/python benchmarks/sheets.py [--relations 10000] [--megabytes 1] [--compare]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
#: What the same runs took before this work (docs/performance.md, commit 8c9a298).
BEFORE = {"import": 128.5, "mentions": 31.0}


def say(text: str) -> None:
    print(f"{text}  [load {os.getloadavg()[0]:.2f}]", flush=True)


def make_sheet(tmp: Path, n_relations: int) -> tuple[Path, Path, int]:
    """A copy of data/ and a sheet of ``n_relations`` relations between n/10 new organisations."""
    rng = random.Random(7)
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("templates"))
    n_entities = max(2, n_relations // 10)
    sentences = [f"Organisatie {i} werkt samen met organisatie {j}." for i, j in
                 ((rng.randrange(n_entities), rng.randrange(n_entities)) for _ in range(n_relations))]
    names = [f"Organisatie {i}." for i in range(n_entities)]
    (data / "sources" / "bench.txt").write_text("# title: bench\n\n" + " ".join(names + sentences),
                                                encoding="utf-8")
    sheet = tmp / "sheet"
    sheet.mkdir()
    (sheet / "sources.csv").write_text("id,title,publisher,url,date,language,excerpt\n"
                                       "bench,Bench,,,2024-01-01,nl,sources/bench.txt\n", encoding="utf-8")
    rows = ["id,kind,label_en,label_nl,label_zh,definition,identifiers,source,quote"]
    rows += [f"org-{i},organisation,Organisation {i},Organisatie {i},,,,bench,Organisatie {i}."
             for i in range(n_entities)]
    (sheet / "entities.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rels = ["from,type,to,role,start,end,status,source,quote,id"]
    for k, s in enumerate(sentences):
        i, j = s.split()[1], s.split()[-1].rstrip(".")
        rels.append(f"org-{i},member of,org-{j},participant,2020,,active,bench,{s},rel-{k}")
    (sheet / "relations.csv").write_text("\n".join(rels) + "\n", encoding="utf-8")
    return data, sheet, n_entities


def bench_import(n_relations: int) -> None:
    import relgraph

    with tempfile.TemporaryDirectory() as tmp:
        data, sheet, n_entities = make_sheet(Path(tmp), n_relations)
        g = relgraph.open(data, store=False)
        t, cpu = time.perf_counter(), time.process_time()
        plan = g.import_sheet(sheet)
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        ratio = f"; before: {BEFORE['import']:.1f} s, {BEFORE['import'] / took:.1f}x" if n_relations == 10_000 else ""
        say(f"import {n_relations} relations ({n_entities} entities, "
            f"{sum(len(c.added) for c in plan.changed)} statements), validation included: {took:.2f} s "
            f"(CPU {cpu:.2f} s) "
            f"[target 10 s{ratio}]")
        t, cpu = time.perf_counter(), time.process_time()
        g.import_sheet(sheet)
        again, cpu = time.perf_counter() - t, time.process_time() - cpu
        say(f"re-import of the unchanged sheet: {again:.2f} s (CPU {cpu:.2f} s)")


def bench_shapes(n_relations: int) -> None:
    """The shapes alone on the new resources of an imported sheet: the fast path against pySHACL (its shapes
    narrowed to the same resources), with the same findings."""
    import relgraph
    from relgraph.store import data_files
    from relgraph.validate import shacl
    from relgraph.validate.files import read_files

    with tempfile.TemporaryDirectory() as tmp:
        data, sheet, _ = make_sheet(Path(tmp), n_relations)
        relgraph.open(data, store=False).import_sheet(sheet)
        files = read_files(data_files(data), data)
        focus = {q.subject.value for f in files if f.path.name == "bench.ttl" for q in f.quads
                 if type(q.subject).__name__ == "NamedNode"}
        path = data / "shapes.ttl"
        took = {}
        for fast in (True, False):
            t = time.perf_counter()
            found, _ = shacl.check(shacl.load_shapes(path), files, path, focus=focus, fast=fast)
            took[fast] = (time.perf_counter() - t, sorted(found))
        same = "same findings" if took[True][1] == took[False][1] else "FINDINGS DIFFER"
        say(f"shapes on the {len(focus)} new resources of {n_relations} relations: fast path {took[True][0]:.2f} s, "
            f"pySHACL {took[False][0]:.2f} s ({took[False][0] / took[True][0]:.0f}x; {same}, "
            f"{len(took[True][1])} findings)")


def bench_mentions(megabytes: float) -> None:
    import relgraph
    from relgraph.mentions import Gazetteer, mentions

    source = OUT / "synthetic-1m.ttl"
    if not source.exists():
        sys.exit(f"{source} is missing: run benchmarks/generate.py --sizes 1m")
    store = OUT / "store-1m"
    t = time.perf_counter()
    g = relgraph.open(source, store=store)
    say(f"open synthetic-1m with its store folder: {time.perf_counter() - t:.2f} s ({len(g.store)} triples; "
        "built on the first run only)")
    for saved in store.glob("generations/*.memo/gazetteer-*.pickle"):
        saved.unlink()  # so that the first build below is a cold one
    t, cpu = time.perf_counter(), time.process_time()
    gz = Gazetteer.from_graph(g)
    cold, cold_cpu = time.perf_counter() - t, time.process_time() - cpu
    text, size = _document(gz.names(), megabytes)
    t, cpu = time.perf_counter(), time.process_time()
    found = mentions(g, text, gazetteer=gz)
    searched, cpu = time.perf_counter() - t, time.process_time() - cpu
    say(f"gazetteer of {len(gz)} names: cold (every name read, built, saved) {cold:.2f} s (CPU {cold_cpu:.2f} s); "
        f"search in the same process {searched:.2f} s (CPU {cpu:.2f} s); total cold {cold + searched:.2f} s "
        f"(CPU {cold_cpu + cpu:.2f} s)")
    del g, gz, found
    # warm: a second command, a new process, opens the store, reads the gazetteer back and searches the same text
    warm = json.loads(subprocess.run([sys.executable, __file__, "--warm-mentions", str(megabytes)], check=True,
                                     capture_output=True, text=True).stdout)
    total, total_cpu = warm["read"] + warm["search"], warm["read_cpu"] + warm["search_cpu"]
    say(f"warm, in a new process: gazetteer read back from the store folder {warm['read']:.2f} s "
        f"(CPU {warm['read_cpu']:.2f} s), search in {size / 1e6:.1f} MB {warm['search']:.2f} s "
        f"(CPU {warm['search_cpu']:.2f} s; {warm['found']} mentions); total warm {total:.2f} s (CPU {total_cpu:.2f} s) "
        f"[target 2 s; before {BEFORE['mentions']:.0f} s, {BEFORE['mentions'] / total:.1f}x]")


def warm_mentions(megabytes: float) -> None:
    """The warm run of :func:`bench_mentions` (in a process of its own): its times as JSON on stdout."""
    import relgraph
    from relgraph.mentions import Gazetteer, mentions

    t, cpu = time.perf_counter(), time.process_time()
    g = relgraph.open(OUT / "synthetic-1m.ttl", store=OUT / "store-1m")
    gz = Gazetteer.from_graph(g)
    read, read_cpu = time.perf_counter() - t, time.process_time() - cpu
    text, _ = _document(gz.names(), megabytes)
    t, cpu = time.perf_counter(), time.process_time()
    found = mentions(g, text, gazetteer=gz)
    print(json.dumps({"read": read, "read_cpu": read_cpu, "search": time.perf_counter() - t,
                      "search_cpu": time.process_time() - cpu, "found": len(found)}))


def _document(names: list[str], megabytes: float) -> tuple[str, int]:
    rng = random.Random(3)
    words = ["de", "het", "een", "van", "en", "is", "op", "met", "voor", "niet", "dat", "bezocht", "werkt", "samen",
             "Stichting", "Leiden", "Museum"]
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choice(words) for _ in range(12)) + f" {rng.choice(names)}. "
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts), size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--relations", type=int, default=10_000)
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--compare", action="store_true", help="also the shapes alone: fast path against pySHACL")
    ap.add_argument("--compare-relations", type=int, default=1_000)
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--skip-mentions", action="store_true")
    ap.add_argument("--warm-mentions", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.warm_mentions is not None:
        warm_mentions(args.warm_mentions)
        return
    if not args.skip_import:
        bench_import(args.relations)
        if args.compare:
            bench_shapes(args.compare_relations)
    if not args.skip_mentions:
        bench_mentions(args.megabytes)


if __name__ == "__main__":
    main()
