/* The vis-network drawing: its options, the data sets of items, the filtered views of them, and redrawing
   after the filter state changes. */

import { visible } from "./filters.js";
import { edgeItems, nodeItems } from "./style.js";

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
    font: { size: 11, color: "#56606c", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal" },
    selectionWidth: 1.5, hoverWidth: 0.5, chosen: true,
  },
});

/** Recompute what the filter state shows and redraw. */
export const refresh = (app) => {
  app.shown = visible(app.model, app.filter);
  app.nodeView.refresh();
  app.edgeView.refresh();
};

/** Make the data sets, their filtered views and the network in `container`; they are put on `app`. */
export const drawNetwork = (app, container) => {
  app.nodes = new vis.DataSet(nodeItems(app.model, app.ui));
  app.edges = new vis.DataSet(edgeItems(app.model, app.ui, Boolean(app.data.as_of)));
  app.shown = visible(app.model, app.filter);
  app.nodeView = new vis.DataView(app.nodes, { filter: (n) => app.shown.nodes.has(n.id) });
  app.edgeView = new vis.DataView(app.edges, { filter: (e) => app.shown.edges.has(e.id) });
  const data = { nodes: app.nodeView, edges: app.edgeView };
  app.network = new vis.Network(container, data, networkOptions(Boolean(app.data.big)));
};
