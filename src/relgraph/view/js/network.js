/* The vis-network drawing: its options, the data sets of items, the filtered views of them, and redrawing
   after the filter state changes. */

import { visible } from "./filters.js";
import { around, lightUp } from "./highlight.js";
import { EDGE_TEXT, edgeItems, nodeItems } from "./style.js";

const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans CJK SC, sans-serif";

/** vis-network options: positions come with the data (no physics); a big graph skips hover and hides
    relations while dragging or zooming. Relation labels stay horizontal, centred on their relation. */
export const networkOptions = (big) => ({
  autoResize: true,
  physics: false,
  layout: { improvedLayout: false, randomSeed: 1 },
  interaction: {
    hover: !big, tooltipDelay: 250, navigationButtons: false, keyboard: { enabled: true, bindToWindow: false },
    hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false,
  },
  nodes: {
    font: { size: 17, face: FONT, strokeWidth: 4, strokeColor: "#ffffff" },
    widthConstraint: { maximum: 190 },
    scaling: { label: { drawThreshold: 7 } },
  },
  edges: {
    font: { size: 11, color: EDGE_TEXT, strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal" },
    selectionWidth: 1.5, hoverWidth: 0.5, chosen: true,
  },
});

/** Recompute what the filter state shows and redraw; then `app.onRefresh`, if set, follows (the strip). */
export const refresh = (app) => {
  app.shown = visible(app.model, app.filter);
  app.nodeView.refresh();
  app.edgeView.refresh();
  if (app.onRefresh) app.onRefresh();
};

/** The items as they should look now: undated relations marked while `app.marked`, and everything outside
    `app.lit` (`{node: id}`, `{edge: id}` or null) dimmed. */
const styledItems = (app) => {
  const lit = app.lit ? around(app.model, app.lit) : null;
  return lightUp(nodeItems(app.model, app.ui), edgeItems(app.model, app.ui, app.marked), lit);
};

/** Restyle the relations (after `app.marked` changed) and, unless `edgesOnly`, the entities (after `app.lit`
    changed). Each data set update costs vis-network a full redraw, so only what can have changed is updated. */
export const restyle = (app, edgesOnly = false) => {
  const items = styledItems(app);
  if (!edgesOnly) app.nodes.update(items.nodes);
  app.edges.update(items.edges);
};

const sameTarget = (a, b) => (a === null || b === null ? a === b : a.node === b.node && a.edge === b.edge);

/** Light up an entity (`{node: id}`) or a relation (`{edge: id}`) and what touches it; null lights everything.
    A big graph is left as it is (as it goes without relation labels and hover): restyling its thousands of items
    would take seconds; the selection still draws the entity's relations dark. */
export const highlight = (app, target) => {
  if (app.data.big || sameTarget(app.lit, target)) return;
  app.lit = target;
  restyle(app);
};

/** Make the data sets, their filtered views and the network in `container`; they are put on `app`. */
export const drawNetwork = (app, container) => {
  app.marked = Boolean(app.data.as_of);
  app.lit = null;
  const items = styledItems(app);
  app.nodes = new vis.DataSet(items.nodes);
  app.edges = new vis.DataSet(items.edges);
  app.shown = visible(app.model, app.filter);
  app.nodeView = new vis.DataView(app.nodes, { filter: (n) => app.shown.nodes.has(n.id) });
  app.edgeView = new vis.DataView(app.edges, { filter: (e) => app.shown.edges.has(e.id) });
  const data = { nodes: app.nodeView, edges: app.edgeView };
  app.network = new vis.Network(container, data, networkOptions(Boolean(app.data.big)));
};
