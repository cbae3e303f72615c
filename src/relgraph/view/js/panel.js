/* The details panel: what the source says about the entity or relation clicked, as text only: names in every
   language, dates, identifiers, what the source leaves unsaid, its exact words, and the relations. */

import { el, empty, link } from "./dom.js";
import { nameOf } from "./model.js";
import { kindSwatch } from "./swatch.js";

/** "start – end", "start –", one day, or "date unknown". */
export const dateSpan = (ui, item) => {
  if (!item.start && !item.end) return ui.dateUnknown;
  const start = item.start || "?";
  const end = item.end || "";
  if (start === end) return start;
  return end ? `${start} – ${end}` : `${start} –`;
};

const row = (key, value) => el("tr", null, [el("td", { className: "k", text: key }), el("td", { text: value })]);

const section = (box, title, body) => {
  box.appendChild(el("h3", { text: title }));
  box.appendChild(body);
};

const quoteBlock = (app, quote, source) => {
  const box = el("div", null, [el("blockquote", { text: quote })]);
  if (source) {
    const from = link(source, nameOf(app.model, source));
    box.appendChild(el("div", { className: "src" }, [`${app.ui.source}: `, from]));
  }
  return box;
};

/** Status, dates, certainty and the quote of a relation. */
const relationBody = (app, e) => {
  const ui = app.ui;
  const table = el("table");
  if (e.status_label || e.status) table.appendChild(row(ui.status, e.status_label || e.status));
  table.appendChild(row(ui.dates, dateSpan(ui, e) + (e.derived ? ` (${ui.derived})` : "")));
  if (e.certainty) table.appendChild(row(ui.certainty, e.certainty));
  const quote = e.quote ? quoteBlock(app, e.quote, e.source) : el("p", { className: "src", text: ui.noQuote });
  return el("div", null, [table, quote]);
};

/** What each source says of a relation, when several do: its status, dates and words, the one in force first. */
const claimList = (app, claims) => el("div", null, claims.map((c) => {
  const facts = [c.status_label || c.status, dateSpan(app.ui, c)].filter(Boolean).join(" · ");
  const words = (c.quotes || []).map((q) => quoteBlock(app, q, null));
  const source = c.source ? link(c.source, nameOf(app.model, c.source)) : null;
  const from = source ? el("div", { className: "src" }, [`${app.ui.source}: `, source]) : null;
  return el("div", { className: "claim" }, [el("p", { className: "k", text: facts }), ...words, from]);
}));

/** The hint shown while nothing is selected. */
export const placeholder = (app) => {
  empty(app.panel);
  app.panel.appendChild(el("p", { className: "placeholder", text: app.ui.placeholder }));
};

const namesTable = (ui, n) => {
  const table = el("table");
  ["en", "nl", "zh"].forEach((code) => {
    if (n.labels && n.labels[code]) table.appendChild(row(ui.lang[code], n.labels[code]));
  });
  if (n.alt && n.alt.length) table.appendChild(row(ui.alt, n.alt.join(" · ")));
  if (n.count !== undefined) table.appendChild(row(ui.count, String(n.count)));
  return table;
};

const idList = (iris) => el("ul", null, iris.filter(Boolean).map((iri) => el("li", null, [link(iri)])));

/** What the source does not state about the entity (its own list, and an unnamed post holder). */
const unknownOf = (ui, n) => [...(n.unknown || []), ...(n.holder_named === false ? [ui.holder] : [])];

const relationList = (app, id, rels) => el("div", null, rels.map((e) => {
  const out = e.from === id;
  const other = nameOf(app.model, out ? e.to : e.from);
  const summary = out ? `${e.label} → ${other}` : `← ${e.label} · ${other}`;
  return el("details", null, [el("summary", { text: summary }), relationBody(app, e)]);
}));

/** Show the entity `id` in the panel (nothing happens for an unknown id). */
export const showNode = (app, id) => {
  const n = app.model.nodes.get(id);
  if (!n) return;
  const { ui, panel } = app;
  const k = app.model.kinds.get(n.kind) || { label: n.kind, color: "#999" };
  empty(panel);
  panel.appendChild(el("h2", { text: n.label }));
  const unnamed = n.kind === "unnamed" ? ` — ${ui.unnamed}` : "";
  panel.appendChild(el("div", { className: "kindline" }, [kindSwatch(k), k.label + unnamed]));
  section(panel, ui.names, namesTable(ui, n));
  if (n.definition) section(panel, ui.definition, el("p", { text: n.definition }));
  const status = n.status ? ` · ${n.status_label || n.status}` : "";
  const dates = dateSpan(ui, n) + (n.derived ? ` (${ui.derived})` : "") + status;
  section(panel, ui.dates, el("p", { text: dates }));
  section(panel, ui.ids, idList([n.id, ...(n.same_as || [])]));
  const unknown = unknownOf(ui, n);
  if (unknown.length) {
    section(panel, ui.notStated, el("ul", { className: "unknown" }, unknown.map((u) => el("li", { text: u }))));
  }
  if (n.quotes && n.quotes.length) {
    section(panel, ui.quotes, el("div", null, n.quotes.map((q) => quoteBlock(app, q, n.source))));
  }
  const rels = app.model.edgesOf.get(id).map((eid) => app.model.edges.get(eid));
  if (rels.length) section(panel, `${ui.relations} (${rels.length})`, relationList(app, id, rels));
};

/** Show the relation `id` in the panel (nothing happens for an unknown id). */
export const showEdge = (app, id) => {
  const e = app.model.edges.get(id);
  if (!e) return;
  const { ui, panel } = app;
  empty(panel);
  panel.appendChild(el("h2", { text: e.label }));
  panel.appendChild(el("table", null, [row(ui.from, nameOf(app.model, e.from)), row(ui.to, nameOf(app.model, e.to))]));
  section(panel, ui.status, relationBody(app, e));
  if (e.claims && e.claims.length > 1) section(panel, ui.bySource, claimList(app, e.claims));
  section(panel, ui.ids, idList([e.kind, e.relation]));
};
