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

/** Recompute what the filter state shows and redraw. */
export const refresh = (app) => {
  app.shown = visible(app.model, app.filter);
  app.nodeView.refresh();
  app.edgeView.refresh();
};

/** The items as they should look now: undated relations marked while `app.marked`, and everything outside
    `app.lit` (`{node: id}`, `{edge: id}` or null) dimmed. */
const styledItems = (app) => {
  const lit = app.lit ? around(app.model, app.lit) : null;
  return lightUp(nodeItems(app.model, app.ui), edgeItems(app.model, app.ui, app.marked), lit);
};

/** Restyle every item after `app.marked` or `app.lit` changed. */
export const restyle = (app) => {
  const items = styledItems(app);
  app.nodes.update(items.nodes);
  app.edges.update(items.edges);
};

/** Light up an entity (`{node: id}`) or a relation (`{edge: id}`) and what touches it; null lights everything. */
export const highlight = (app, target) => {
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
