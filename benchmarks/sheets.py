"""Benchmarks of import and mentions (issue: "Adding what new documents say"); prints times, asserts nothing.

* import: a sheet of 10,000 relations (and 1,000 new entities) between entities of a copy of data/, imported
  into that copy, validation of the new file included (target: at most 10 s);
* mentions: a 1 MB document against the labels of benchmarks/out/synthetic-1m.ttl (made by
  ``benchmarks/generate.py --sizes 1m``): gazetteer built from the graph, then the text searched (target: 2 s).

    .venv/bin/python benchmarks/sheets.py [--relations 10000] [--megabytes 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def bench_import(n_relations: int) -> None:
    import relgraph

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("templates"))
        n_entities = max(2, n_relations // 10)
        sentences = [f"Organisatie {i} werkt samen met organisatie {j}." for i, j in
                     ((rng.randrange(n_entities), rng.randrange(n_entities)) for _ in range(n_relations))]
        names = [f"Organisatie {i}." for i in range(n_entities)]
        (data / "sources" / "bench.txt").write_text("# title: bench\n\n" + " ".join(names + sentences),
                                                    encoding="utf-8")
        sheet = Path(tmp) / "sheet"
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
        g = relgraph.open(data)
        t = time.perf_counter()
        plan = g.import_sheet(sheet)
        took = time.perf_counter() - t
        print(f"import {n_relations} relations ({n_entities} entities), validation included: {took:.2f} s "
              f"({sum(len(c.added) for c in plan.changed)} statements)")
        t = time.perf_counter()
        g.import_sheet(sheet)
        print(f"re-import of the unchanged sheet: {time.perf_counter() - t:.2f} s")


def bench_mentions(megabytes: float) -> None:
    import relgraph
    from relgraph.mentions import Gazetteer, mentions

    source = OUT / "synthetic-1m.ttl"
    if not source.exists():
        sys.exit(f"{source} is missing: run benchmarks/generate.py --sizes 1m")
    t = time.perf_counter()
    g = relgraph.open(source)
    print(f"load synthetic-1m: {time.perf_counter() - t:.2f} s ({len(g.store)} triples)")
    t = time.perf_counter()
    gz = Gazetteer.from_graph(g)
    built = time.perf_counter() - t
    names = gz.names()
    rng = random.Random(3)
    words = ["de", "het", "een", "van", "en", "is", "op", "met", "voor", "niet", "dat", "bezocht", "werkt", "samen", "Stichting", "Leiden", "Museum"]
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(rng.choice(words) for _ in range(12)) + f" {rng.choice(names)}. "
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    text = "".join(parts)
    t = time.perf_counter()
    found = mentions(g, text, gazetteer=gz)
    searched = time.perf_counter() - t
    print(f"mentions in {size / 1e6:.1f} MB against {len(gz)} names: gazetteer {built:.2f} s, search "
          f"{searched:.2f} s, total {built + searched:.2f} s ({len(found)} mentions)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--relations", type=int, default=10_000)
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--skip-mentions", action="store_true")
    args = ap.parse_args()
    if not args.skip_import:
        bench_import(args.relations)
    if not args.skip_mentions:
        bench_mentions(args.megabytes)


if __name__ == "__main__":
    main()
