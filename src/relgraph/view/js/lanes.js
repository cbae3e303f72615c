/* What the timeline strip draws, and where: the dated things of the data (relations that are not entities, and
   entities with dates of their own, as `relgraph timeline` lists them), their spans in years, the lanes they are
   packed into by kind, and the year axis. Pure: no DOM; measuring text is a function passed in. */

import { nameOf } from "./model.js";

const DATE = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The year as a number with its fraction: 2022-07-02 is about 2022.5. Months and days count from 1; a month or
    day past the end rolls over (month 13 is January of the next year). */
export const yearAt = (y, m = 1, d = 1) => {
  const begin = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - begin) / (Date.UTC(y + 1, 0, 1) - begin);
};

/** The span a date stands for, `[first, after]` in years: "1995" the whole year, "2013-11" the month,
    "2022-11-16" the day; null for no date. */
export const spanOf = (value) => {
  const m = value ? DATE.exec(String(value)) : null;
  if (!m) return null;
  const y = parseInt(m[1], 10);
  if (!m[2]) return [y, y + 1];
  const month = parseInt(m[2], 10);
  if (!m[3]) return [yearAt(y, month), yearAt(y, month + 1)];
  const day = parseInt(m[3], 10);
  return [yearAt(y, month, day), yearAt(y, month, day + 1)];
};

/** One dated thing as the strip draws it, or null when it has no date: from its start to the end of its end (a
    date given as a year or a month is that whole span), on to the right when it is active with no end. */
export const dated = (thing) => {
  const s = spanOf(thing.start);
  const t = spanOf(thing.end);
  if (!s && !t) return null;
  const line = thing.line || "link";
  return {
    ...thing, line, from: (s || t)[0], to: s && t ? Math.max(t[1], s[1]) : (s || t)[1],
    ongoing: Boolean(s && !t && line === "active"),
  };
};

/** A relation's own name, else "from — relation → to". */
const relationLabel = (model, e) => e.relation_label
  || `${nameOf(model, e.from)} — ${e.label} → ${nameOf(model, e.to)}`;

/** The relations that are not entities themselves (an entity's own relations take its dates), one per relation
    (several edges may stand for one relation): `[key, edge]` pairs. */
const ownRelations = (model) => {
  const found = new Map();
  model.data.edges.forEach((e) => {
    if (e.relation && model.nodes.has(e.relation)) return;
    const key = e.relation || e.id;
    if (!found.has(key)) found.set(key, e);
  });
  return [...found.values()];
};

const fromEdge = (model, e) => dated({
  key: e.id, target: { edge: e.id }, group: "relation", label: relationLabel(model, e), line: e.line,
  start: e.start, end: e.end, status: e.status_label || e.status, source: e.source,
});

const fromNode = (n) => dated({
  key: n.id, target: { node: n.id }, group: n.kind, label: n.label, line: n.line, start: n.start, end: n.end,
  status: n.status_label || n.status, source: n.source,
});

/** The things of the data the strip can draw, `{items, undated, derived}`: `items` the dated relations and
    entities (in order of their first day), `undated` the ids of the relations without a date, `derived` the ids
    of the entities whose dates only come from linked entities (left out, as `relgraph timeline` leaves them). */
export const stripItems = (model) => {
  const items = [];
  const undated = [];
  const derived = [];
  ownRelations(model).forEach((e) => {
    const item = fromEdge(model, e);
    if (item) items.push(item);
    else undated.push(e.id);
  });
  model.data.nodes.forEach((n) => {
    if (!n.start && !n.end) return;
    if (n.derived) derived.push(n.id);
    else items.push(fromNode(n));
  });
  items.sort((a, b) => a.from - b.from || a.to - b.to || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { items, undated, derived };
};

/** The years the axis covers: the data's years and the time control's range, the last year to its end, with a
    margin (a wider one on the right when something runs on). */
export const axisRange = (items, years, range) => {
  const firsts = items.map((i) => i.from);
  const lasts = items.map((i) => i.to);
  const lo = Math.min(...firsts, ...(years ? [years[0]] : []), ...(range ? [range.min] : []));
  const hi = Math.max(...lasts, ...(years ? [years[1] + 1] : []), ...(range ? [range.max + 1] : []));
  const pad = Math.max(0.4, (hi - lo) * 0.02);
  return [lo - pad, hi + (items.some((i) => i.ongoing) ? 3 * pad : pad)];
};

/** The pixel of a year: `[lo, hi]` years onto `[left, right]` pixels. */
export const scaleOf = ([lo, hi], left, right) => (t) => left + ((t - lo) / (hi - lo)) * (right - left);

/** The years to mark on the axis: every 1, 2, 5, 10… years, as many as fit with `gap` pixels between them. */
export const yearTicks = ([lo, hi], pixels, gap = 40) => {
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => ((hi - lo) / s) * gap <= pixels) || 1000;
  const ticks = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks;
};

/** `text` cut with "…" to fit in `room` pixels, `measure(text)` giving its width. */
export const fitText = (text, room, measure) => {
  if (measure(text) <= room) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo ? `${text.slice(0, lo).trimEnd()}…` : "";
};

/** Rows for things each taking `[left, right]` pixels (`extent(item)`): each goes into the first row where it
    clears the one before it by `gap`. */
export const packRows = (items, extent, gap = 6) => {
  const rows = [];
  const ends = [];
  items.forEach((item) => {
    const [left, right] = extent(item);
    const at = ends.findIndex((end) => end + gap <= left);
    const row = at < 0 ? rows.length : at;
    if (at < 0) {
      rows.push([]);
      ends.push(right);
    }
    rows[row].push(item);
    ends[row] = right;
  });
  return rows;
};

/** The lanes by kind, relations first then the kinds in legend order: `{groups: [{group, rows}], more}`, at most
    `maxRows` rows in all; `more` counts the things left out for want of rows. */
export const laneGroups = (items, kindOrder, extent, maxRows) => {
  const order = ["relation", ...kindOrder.filter((k) => k !== "relation")];
  const keys = [...new Set(items.map((i) => i.group))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const groups = [];
  let rows = 0;
  let more = 0;
  keys.forEach((group) => {
    const packed = packRows(items.filter((i) => i.group === group), extent);
    const room = Math.max(0, maxRows - rows);
    packed.slice(room).forEach((row) => { more += row.length; });
    if (room) groups.push({ group, rows: packed.slice(0, room) });
    rows += Math.min(room, packed.length);
  });
  return { groups, more };
};

/** The hover text of a thing: its label, dates and status, its source. */
export const hoverText = (app, item) => {
  const ui = app.ui;
  let dates = item.start && item.end && item.start !== item.end ? `${item.start} – ${item.end}`
    : item.start || item.end;
  if (item.ongoing) dates = ui.stripSince.replace("{date}", item.start);
  const lines = [item.label, [dates, item.status].filter(Boolean).join(" · ")];
  if (item.source) lines.push(`${ui.source}: ${nameOf(app.model, item.source)}`);
  return lines.join("\n");
};
