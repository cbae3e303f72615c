/* relgraph network view: reads the data embedded in the page, draws it with vis-network and wires up search,
   legend filters, the time control, the timeline strip, the details panel, highlighting and the drawers of a
   narrow screen. All
   state lives in one `app` object passed to each part; `window.relgraph` exposes it to the browser tests. */

import { setText } from "./dom.js";
import { labelDetails, narrow, showDrawer, wireDrawers } from "./drawers.js";
import { allOn } from "./filters.js";
import { buildLegend, tickAll } from "./legend.js";
import { buildModel, nameOf } from "./model.js";
import { drawNetwork, highlight, refresh } from "./network.js";
import { placeholder, showEdge, showNode } from "./panel.js";
import { find, searchIndex } from "./search.js";
import { clearSearch, wireSearch } from "./searchbox.js";
import { markStrip, setupStrip, updateStrip } from "./strip.js";
import { resetTime, setupTime } from "./time.js";

/** Show what was clicked (`{node: id}`, `{edge: id}`, or null for nothing) in the panel, light it up with what
    touches it, and name it on the details button. */
const inspect = (app, target) => {
  if (target && target.node !== undefined) {
    showNode(app, target.node);
    labelDetails(app.ui, nameOf(app.model, target.node));
  } else if (target && target.edge !== undefined) {
    showEdge(app, target.edge);
    labelDetails(app.ui, app.model.edges.get(target.edge).label);
  } else {
    placeholder(app);
    labelDetails(app.ui, null);
  }
  highlight(app, target);
  markStrip(app, target);
};

/** Everything on again (kinds, themes, the time control at its start); unless `keepSearch`, the search box,
    the selection and the panel are cleared too and the whole network is fitted in. */
const resetView = (app, keepSearch) => {
  const fresh = allOn(app.data);
  app.filter.kinds = fresh.kinds;
  app.filter.themes = fresh.themes;
  tickAll();
  resetTime(app);
  refresh(app);
  if (keepSearch === true) return;
  clearSearch(app, (id) => pick(app, id));
  app.network.unselectAll();
  inspect(app, null);
  app.network.fit({ animation: false });
};

/** Centre the drawing on an entity, zooming in to at least the natural size. */
const bringIntoView = (app, id) => {
  const animation = app.data.big ? false : { duration: 350, easingFunction: "easeInOutQuad" };
  app.network.focus(id, { scale: Math.max(1, app.network.getScale()), animation });
};

/** Select an entity, bring it into view, light it up and show it in the panel; the filters are reset if they
    hide it. On a narrow screen the drawer closes, so that the drawing shows it. */
const pick = (app, id) => {
  if (!app.shown.nodes.has(id)) resetView(app, true);
  if (narrow()) showDrawer(null);
  app.network.selectNodes([id]);
  bringIntoView(app, id);
  inspect(app, { node: id });
};

/** Select what a bar of the timeline strip stands for, as a click in the drawing does; an entity is brought into
    view. What the time control hides stays hidden (its bar is dimmed), its details are shown all the same. */
const choose = (app, target) => {
  const isNode = target.node !== undefined;
  if (isNode ? !app.shown.nodes.has(target.node) : !app.shown.edges.has(target.edge)) {
    app.network.unselectAll();
  } else if (isNode) {
    app.network.selectNodes([target.node]);
    bringIntoView(app, target.node);
  } else {
    app.network.selectEdges([target.edge]);
  }
  inspect(app, target);
};

/** The words of the page outside the panel, in the data's language. */
const writeTexts = (app) => {
  const { ui, data } = app;
  setText("description", data.description || "");
  setText("search-label", ui.find);
  setText("time-label", ui.time);
  setText("time-on-label", ui.asOf);
  setText("time-hint", ui.timeHint);
  setText("kinds-label", ui.kinds);
  setText("themes-label", ui.themes);
  setText("lines-label", ui.lines);
  setText("reset", ui.reset);
  const counts = `${data.nodes.length} ${ui.entities}, ${data.edges.length} ${ui.rels}`;
  setText("caption", (data.caption ? `${data.caption} · ` : "") + counts);
};

/** The test hook: the network, its data sets and views, the data and the actions of the page. */
const testHook = (app) => ({
  network: app.network, nodes: app.nodes, edges: app.edges, nodeView: app.nodeView, edgeView: app.edgeView,
  data: app.data, state: app.filter, app,
  select: (id) => pick(app, id),
  find: (q) => find(app.index, q),
  reset: (keepSearch) => resetView(app, keepSearch),
  showNode: (id) => showNode(app, id),
  showEdge: (id) => showEdge(app, id),
  inspect: (target) => inspect(app, target),
  choose: (target) => choose(app, target),
  ready: false,
});

const wireClicks = (app) => {
  app.network.on("click", (p) => {
    if (p.nodes.length) inspect(app, { node: p.nodes[0] });
    else if (p.edges.length) inspect(app, { edge: p.edges[0] });
    else inspect(app, null);
  });
};

const start = () => {
  const data = JSON.parse(document.getElementById("relgraph-data").textContent);
  const model = buildModel(data);
  const app = { data, model, ui: data.ui, filter: allOn(data), index: searchIndex(data.nodes) };
  app.panel = document.getElementById("details");
  wireDrawers(app.ui);
  drawNetwork(app, document.getElementById("network"));
  wireClicks(app);
  wireSearch(app, (id) => pick(app, id));
  buildLegend(app, () => refresh(app));
  setupTime(app);
  setupStrip(app, (target) => choose(app, target));
  app.onRefresh = () => updateStrip(app);
  document.getElementById("reset").addEventListener("click", () => resetView(app));
  writeTexts(app);
  resetTime(app);
  updateStrip(app);
  placeholder(app);
  window.relgraph = testHook(app);
  if (data.focus && model.nodes.has(data.focus)) {
    app.network.selectNodes([data.focus]);
    inspect(app, { node: data.focus });
  }
  app.network.once("afterDrawing", () => {
    window.relgraph.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  app.network.fit({ animation: false });
};

start();
