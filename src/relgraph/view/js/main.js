/* relgraph network view: reads the data embedded in the page, draws it with vis-network and wires up search,
   legend filters, the time control and the details panel. All state lives in one `app` object passed to each
   part; `window.relgraph` exposes it to the browser tests. */

import { setText } from "./dom.js";
import { allOn } from "./filters.js";
import { buildLegend, tickAll } from "./legend.js";
import { buildModel } from "./model.js";
import { drawNetwork, refresh } from "./network.js";
import { placeholder, showEdge, showNode } from "./panel.js";
import { find, searchIndex } from "./search.js";
import { clearSearch, wireSearch } from "./searchbox.js";
import { resetTime, setupTime } from "./time.js";

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
  placeholder(app);
  app.network.fit({ animation: false });
};

/** Select an entity, bring it into view and show it in the panel; the filters are reset if they hide it. */
const pick = (app, id) => {
  if (!app.shown.nodes.has(id)) resetView(app, true);
  app.network.selectNodes([id]);
  const animation = app.data.big ? false : { duration: 350, easingFunction: "easeInOutQuad" };
  app.network.focus(id, { scale: Math.max(1, app.network.getScale()), animation });
  showNode(app, id);
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
  ready: false,
});

const wireClicks = (app) => {
  app.network.on("click", (p) => {
    if (p.nodes.length) showNode(app, p.nodes[0]);
    else if (p.edges.length) showEdge(app, p.edges[0]);
    else placeholder(app);
  });
};

const start = () => {
  const data = JSON.parse(document.getElementById("relgraph-data").textContent);
  const model = buildModel(data);
  const app = { data, model, ui: data.ui, filter: allOn(data), index: searchIndex(data.nodes) };
  app.panel = document.getElementById("details");
  drawNetwork(app, document.getElementById("network"));
  wireClicks(app);
  wireSearch(app, (id) => pick(app, id));
  buildLegend(app, () => refresh(app));
  setupTime(app);
  document.getElementById("reset").addEventListener("click", () => resetView(app));
  writeTexts(app);
  resetTime(app);
  placeholder(app);
  window.relgraph = testHook(app);
  if (data.focus && model.nodes.has(data.focus)) {
    app.network.selectNodes([data.focus]);
    showNode(app, data.focus);
  }
  app.network.once("afterDrawing", () => {
    window.relgraph.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  app.network.fit({ animation: false });
};

start();
