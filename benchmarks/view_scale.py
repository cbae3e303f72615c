"""How the network view scales: write time, file size and time until the page is interactive in Chromium.

Builds a synthetic networkx graph with the attributes of :func:`relgraph.network.project` (default 5,000 nodes,
about 1.5 edges per node, every kind and status), writes the page, and opens it in headless Chromium
(/usr/bin/chromium) with the network cut off, timing until vis-network has drawn the first frame. The seed data
(``data/``) is measured the same way for comparison.

Usage::

    .venv/bin/python benchmarks/view_scale.py [--nodes 5000] [--out /tmp/relgraph-bench]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RG = "https://w3id.org/relgraph/ontology#"
KINDS = ["government", "organisation", "institution", "post", "event", "agreement", "outcome", "objective",
         "lesson", "decision", "theme", "place", "unnamed"]
STATUSES = [None, "Active", "Ended", "Intended", "Considered", "Achieved", "Planned", "InPreparation"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def synthetic(n: int, seed: int = 1) -> Any:
    """A connected, clustered graph of ``n`` entities with projection-like attributes."""
    import networkx as nx

    rnd = random.Random(seed)
    base = nx.powerlaw_cluster_graph(n, 1, 0.3, seed=seed)  # tree-like with hubs, like real relation graphs
    extra = nx.gnm_random_graph(n, n // 2, seed=seed)
    net = nx.MultiDiGraph()
    for i in range(n):
        kind = rnd.choice(KINDS)
        start = f"{rnd.randint(1995, 2020)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}" if rnd.random() < .5 else None
        net.add_node(f"https://example.org/e/{i}", label=f"Entity {i} ({kind})",
                     labels={"en": f"Entity {i}", "nl": f"Entiteit {i}", "zh": f"实体 {i}"}, kind=kind,
                     kind_label=kind, classes=[], start=start, end=None, status=None,
                     quotes=[f"Quote about entity {i}."], same_as=[f"http://www.wikidata.org/entity/Q{i}"],
                     unknown=[], alt_labels=[], source="https://example.org/source")
    for u, v in [*base.edges(), *extra.edges()]:
        status = rnd.choice(STATUSES)
        start = f"{rnd.randint(1995, 2020)}" if rnd.random() < .6 else None
        net.add_edge(f"https://example.org/e/{u}", f"https://example.org/e/{v}", kind=RG + "involves",
                     label="involves", labels={"en": "involves", "nl": "betreft"}, relation=None,
                     status=RG + status if status else None, status_label=status, start=start,
                     end=str(int(start) + 2) if start and rnd.random() < .3 else None,
                     quote="An exact quote from the source.", source="https://example.org/source")
    return net


def interactive_seconds(path: Path) -> float:
    """Seconds from navigation until the page has drawn its first frame (``window.relgraph.ready``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.relgraph && window.relgraph.ready === true", timeout=120_000, polling=20)
        took = time.perf_counter() - t0
        page.screenshot(path=str(path.with_suffix(".png")))
        browser.close()
    return took


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "relgraph-bench")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    import relgraph
    from relgraph.view import View
    from relgraph.view.build import page_data
    from relgraph.view.layout import positions
    from relgraph.view.page import render

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []

    g = relgraph.open(ROOT / "data")
    t0 = time.perf_counter()
    v = g.view(args.out / "seed.html")
    rows.append(("seed data", v.nodes, v.edges, time.perf_counter() - t0, args.out / "seed.html"))

    net = synthetic(args.nodes)
    t0 = time.perf_counter()
    positions(net)
    layout_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    page = render(page_data(net, title=f"Synthetic graph, {args.nodes} nodes", caption="benchmark"))
    View(html=page, title="synthetic", nodes=net.number_of_nodes(), edges=net.number_of_edges()).save(
        args.out / "synthetic.html")
    rows.append((f"synthetic (layout {layout_s:.2f} s)", net.number_of_nodes(), net.number_of_edges(),
                 time.perf_counter() - t0, args.out / "synthetic.html"))

    print(f"{'graph':<28} {'nodes':>6} {'edges':>6} {'size':>9} {'write s':>8} {'interactive s':>14}")
    for name, n, m, write_s, path in rows:
        ready = interactive_seconds(path)
        size = path.stat().st_size
        print(f"{name:<28} {n:>6} {m:>6} {size / 1e6:>7.2f}MB {write_s:>8.2f} {ready:>14.2f}")
    print(f"pages and screenshots in {args.out}")


if __name__ == "__main__":
    main()
