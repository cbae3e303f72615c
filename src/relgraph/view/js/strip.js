/* The timeline strip below the drawing: a year axis and a lane of bars per kind (relations first), each dated
   relation or entity a bar from its start to its end, a dot for a single day, an arrow for what runs on; colour by
   kind and line by status as in the drawing. It follows the drawing: what the kind and theme filters hide is not
   drawn, what the time control hides is dimmed (both read from the same `visible` as the drawing), the time
   control's year is marked, and the selection is lit as in the drawing. Clicking a bar selects its thing. Every
   word reaches the page as text: SVG built with createElementNS, text with textContent. */

import { visible } from "./filters.js";
import { around } from "./highlight.js";
import { axisRange, fitText, hoverText, laneGroups, scaleOf, stripItems, yearTicks } from "./lanes.js";
import { kindOf } from "./model.js";
import { LINE } from "./style.js";
import { kindSwatch, svgNode } from "./swatch.js";
import { timeRange } from "./time.js";

const ROW = 17;
const AXIS = 20;
const GROUP_GAP = 4;
const MAX_LABEL = 230;
const STRIP_FONT = "11px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Sans CJK SC\", "
  + "\"Microsoft YaHei\", \"PingFang SC\", sans-serif";
/** The colour of a relation's bar: the drawing's colour of an active relation, as in `relgraph timeline`. */
const RELATION_COLOUR = LINE.active.color;

const part = (id) => document.getElementById(id);

/** The width of a text in the strip's font, measured on a canvas that is never shown. */
const measurer = () => {
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = STRIP_FONT;
  return (text) => ctx.measureText(text).width;
};

/** True when the drawing shows `target` (`{node}` or `{edge}`) in `shown` (an answer of `visible`). */
const has = (shown, target) => (target.node !== undefined ? shown.nodes.has(target.node)
  : shown.edges.has(target.edge));

/** What the kind and theme filters let through, whatever the year: the same `visible` the drawing uses. */
const passing = (app) => visible(app.model, { ...app.filter, year: null });

const colourOf = (app, item) => {
  if (item.group === "relation") return RELATION_COLOUR;
  const k = kindOf(app.model, item.group);
  return k.border || k.color;
};

/** Where a bar and its label go: the bar from `x0` to `x1`; the label on the bar when it is long enough, else
    after it, else before it (cut to fit). `span` is what the bar and label take up, for packing. */
const placeOf = (s, item) => {
  const x0 = s.x(item.from);
  const x1 = item.ongoing ? s.right - 2 : Math.max(s.x(item.to), x0);
  const full = s.measure(item.label);
  const wanted = Math.min(MAX_LABEL, full);
  if (x1 - x0 >= wanted + 24) {
    return { x0, x1, tx: x0 + 9, anchor: "start", room: Math.min(full, x1 - x0 - 18), span: [x0, x1] };
  }
  if (x1 + 7 + wanted <= s.right) {
    return { x0, x1, tx: x1 + 7, anchor: "start", room: wanted, span: [x0, x1 + 7 + wanted] };
  }
  const room = Math.min(wanted, Math.max(0, x0 - 7 - s.left));
  return { x0, x1, tx: x0 - 7, anchor: "end", room, span: [x0 - 7 - room, x1] };
};

const titled = (node, text) => {
  const title = svgNode("title", {});
  title.textContent = text;
  node.appendChild(title);
  return node;
};

/** The line of a bar: its status's dash pattern (a little longer than the drawing's: the bar is thicker). */
const barLine = (item, at, y, colour) => {
  const st = LINE[item.line] || LINE.link;
  const line = svgNode("line", {
    class: "mark", x1: at.x0, y1: y, x2: at.x1, y2: y, stroke: colour, "stroke-width": item.line === "link" ? 2.5 : 4,
  });
  if (st.dashes) line.setAttribute("stroke-dasharray", st.dashes.map((d) => d * 1.4).join(" "));
  return line;
};

/** One thing's bar, as a group that can be clicked and focused: hover shows its words. */
const drawBar = (app, item, at, y) => {
  const colour = colourOf(app, item);
  const g = svgNode("g", {
    class: "bar", "data-key": item.key, "data-line": item.line, "data-start": item.start || "",
    "data-end": item.end || "", "data-y": y, tabindex: "0", role: "button",
  });
  g.setAttribute("aria-label", hoverText(app, item).replace(/\n/g, "; "));
  titled(g, hoverText(app, item));
  const left = Math.min(at.span[0], at.x0 - 5);
  g.appendChild(svgNode("rect", { class: "hit", x: left, y: y - ROW / 2, width: at.span[1] - left + 4, height: ROW }));
  if (at.x1 - at.x0 >= 2) g.appendChild(barLine(item, at, y, colour));
  if (item.ongoing) {
    g.appendChild(svgNode("polygon", { points: `${at.x1 + 4},${y} ${at.x1 - 4},${y - 4.5} ${at.x1 - 4},${y + 4.5}`,
      fill: colour }));
  }
  const hollow = item.line === "intended";
  g.appendChild(svgNode("circle", { class: "dot", cx: at.x0, cy: y, r: 3.6, fill: hollow ? "#fff" : colour,
    stroke: colour, "stroke-width": 1.5 }));
  const text = svgNode("text", { x: at.tx, y: y + 3.8, "text-anchor": at.anchor });
  text.textContent = fitText(item.label, at.room, app.strip.measure);
  g.appendChild(text);
  g.addEventListener("click", () => app.strip.onChoose(item.target));
  g.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    app.strip.onChoose(item.target);
  });
  return g;
};

/** The name of a group of lanes, with the kind's shape (or a relation's line), in the gutter. */
const groupLabel = (app, group, y) => {
  const s = app.strip;
  const g = svgNode("g", { class: "group" });
  let swatch;
  if (group === "relation") {
    swatch = svgNode("line", { x1: 4, y1: y, x2: 14, y2: y, stroke: RELATION_COLOUR, "stroke-width": 3 });
  } else {
    swatch = kindSwatch(kindOf(app.model, group), 11);
    swatch.setAttribute("x", 4);
    swatch.setAttribute("y", y - 5.5);
  }
  g.appendChild(swatch);
  const name = group === "relation" ? app.ui.stripRelations : kindOf(app.model, group).label || group;
  const text = svgNode("text", { x: 19, y: y + 3.8 });
  text.textContent = fitText(name, s.left - 26, s.measure);
  g.appendChild(titled(text, name));
  return g;
};

/** The years along the top, with light lines down through the lanes. */
const drawAxis = (s, height) => {
  const grid = svgNode("g", { class: "grid" });
  yearTicks(s.range, s.right - s.left).forEach((year) => {
    const x = s.x(year);
    if (x < s.left - 1) return;
    const label = svgNode("text", { x, y: AXIS - 6, "text-anchor": "middle", class: "tick" });
    label.textContent = String(year);
    s.axis.appendChild(label);
    s.axis.appendChild(svgNode("line", { x1: x, y1: AXIS - 3, x2: x, y2: AXIS, class: "tickmark" }));
    grid.appendChild(svgNode("line", { x1: x, y1: 0, x2: x, y2: height, class: "gridline" }));
  });
  s.lanes.appendChild(grid);
};

/** The mark of the time control's year: a band over that year, on the axis and down through the lanes. */
const drawMarker = (s, height) => {
  s.band = svgNode("rect", { class: "marker", y: 0, height, width: 0 });
  s.lanes.appendChild(s.band);
  s.axisBand = svgNode("rect", { class: "marker", y: 0, height: AXIS, width: 0 });
  s.axis.insertBefore(s.axisBand, s.axis.firstChild);
  s.yearText = svgNode("text", { class: "marker-year", y: AXIS - 6, "text-anchor": "middle" });
  s.axis.appendChild(s.yearText);
};

/** The rows of each group, one below the other, the groups on alternating grounds. */
const drawGroups = (app, layout) => {
  const s = app.strip;
  s.bars = new Map();
  let y = 0;
  layout.groups.forEach((lane, i) => {
    const height = lane.rows.length * ROW + GROUP_GAP;
    if (i % 2) s.lanes.appendChild(svgNode("rect", { class: "ground", x: 0, y, width: s.width, height }));
    s.lanes.appendChild(groupLabel(app, lane.group, y + GROUP_GAP / 2 + ROW / 2));
    lane.rows.forEach((row, r) => row.forEach((item) => {
      const bar = drawBar(app, item, s.places.get(item.key), y + GROUP_GAP / 2 + r * ROW + ROW / 2);
      s.lanes.appendChild(bar);
      s.bars.set(item.key, { bar, item });
    }));
    y += height;
  });
  return y;
};

const clear = (node) => {
  while (node.firstChild) node.removeChild(node.firstChild);
};

/** Draw the strip afresh for the things the filters let through, at the strip's present width. */
const render = (app) => {
  const s = app.strip;
  s.width = s.body.clientWidth;
  if (!s.width) return;
  const pass = passing(app);
  const items = s.all.items.filter((item) => has(pass, item.target));
  s.left = Math.round(Math.min(120, Math.max(64, s.width * 0.14)));
  s.right = s.width - 12;
  s.x = scaleOf(s.range, s.left + 8, s.right);
  s.places = new Map(items.map((item) => [item.key, placeOf(s, item)]));
  const layout = laneGroups(items, app.data.kinds.map((k) => k.key), (i) => s.places.get(i.key).span, s.maxRows);
  clear(s.axis);
  clear(s.lanes);
  const lanesHeight = layout.groups.reduce((sum, g) => sum + g.rows.length * ROW + GROUP_GAP, 0);
  s.axis.setAttribute("width", s.width);
  s.axis.setAttribute("height", AXIS);
  s.lanes.setAttribute("width", s.width);
  s.lanes.setAttribute("height", Math.max(lanesHeight, 1));
  drawMarker(s, lanesHeight);
  drawAxis(s, lanesHeight);
  drawGroups(app, layout);
  s.more = layout.more;
  s.pass = pass;
  restate(app);
};

/** The line under the title: what is not drawn, and why. */
const noteText = (app) => {
  const s = app.strip;
  const ui = app.ui;
  const undated = s.all.undated.filter((id) => s.pass.edges.has(id)).length;
  const derived = s.all.derived.filter((id) => s.pass.nodes.has(id)).length;
  const parts = [];
  if (!s.bars.size) parts.push(ui.stripNone);
  if (s.more) parts.push(ui.stripMore.replace("{n}", s.more));
  if (undated) parts.push(ui.stripUndated.replace("{n}", undated));
  if (derived) parts.push(ui.stripDerived.replace("{n}", derived));
  return parts.join(" · ");
};

/** Place the year band where the time control stands (hidden while it is off). */
const placeMarker = (app) => {
  const s = app.strip;
  const year = app.filter.year;
  const on = year !== null && year !== undefined;
  [s.band, s.axisBand, s.yearText].forEach((node) => node.classList.toggle("hidden", !on));
  s.strip.setAttribute("data-year", on ? String(year) : "");
  if (!on) {
    s.axis.querySelectorAll(".tick").forEach((tick) => tick.classList.remove("hidden"));
    return;
  }
  const x0 = s.x(year);
  const width = Math.max(2, s.x(year + 1) - x0);
  [s.band, s.axisBand].forEach((band) => {
    band.setAttribute("x", x0);
    band.setAttribute("width", width);
  });
  s.yearText.setAttribute("x", x0 + width / 2);
  s.yearText.textContent = String(year);
  s.axis.querySelectorAll(".tick").forEach((tick) => {
    tick.classList.toggle("hidden", Math.abs(parseFloat(tick.getAttribute("x")) - (x0 + width / 2)) < 34);
  });
};

/** True when bar `item` stands for `target`, or for the entity that is the relation `target` stands for. */
const isTarget = (app, item, target) => {
  if (!target) return false;
  if (target.node !== undefined) return item.key === target.node;
  const e = app.model.edges.get(target.edge);
  return item.key === target.edge || Boolean(e && e.relation === item.key);
};

/** Dim what the time control hides from the drawing, and light the selection as the drawing does. */
const restate = (app) => {
  const s = app.strip;
  if (!s.bars) return;
  placeMarker(app);
  const lit = s.lit && !app.data.big ? around(app.model, s.lit) : null;
  s.bars.forEach(({ bar, item }) => {
    bar.classList.toggle("off", !has(app.shown, item.target));
    bar.classList.toggle("unlit", Boolean(lit) && !has(lit, item.target) && !isTarget(app, item, s.lit));
    bar.classList.toggle("sel", isTarget(app, item, s.lit));
  });
  s.note.textContent = noteText(app);
  s.note.title = s.note.textContent;
};

const passKey = (app) => {
  const pass = passing(app);
  return app.strip.all.items.filter((item) => has(pass, item.target)).map((item) => item.key).join("\u0000");
};

/** Follow the filters and the time control: redraw when the things let through changed, else only restate. */
export const updateStrip = (app) => {
  const s = app.strip;
  if (!s || !s.open) return;
  const key = passKey(app);
  if (key !== s.key || s.body.clientWidth !== s.width) {
    s.key = key;
    render(app);
  } else {
    restate(app);
  }
};

/** Light the bar of what was selected (`{node}`, `{edge}` or null), and scroll it into the strip's view. */
export const markStrip = (app, target) => {
  const s = app.strip;
  if (!s) return;
  s.lit = target;
  restate(app);
  const found = s.bars && [...s.bars.values()].find(({ item }) => isTarget(app, item, target));
  if (!found) return;
  const y = parseFloat(found.bar.getAttribute("data-y"));
  if (y - ROW < s.body.scrollTop || y + ROW > s.body.scrollTop + s.body.clientHeight) {
    s.body.scrollTop = Math.max(0, y - s.body.clientHeight / 2);
  }
};

const wireToggle = (app) => {
  const s = app.strip;
  s.toggle.addEventListener("click", () => {
    s.open = !s.open;
    s.toggle.setAttribute("aria-expanded", String(s.open));
    s.strip.classList.toggle("collapsed", !s.open);
    s.width = -1;
    updateStrip(app);
  });
};

/** Set up the strip (left hidden when nothing is dated); `onChoose(target)` selects what a bar stands for. */
export const setupStrip = (app, onChoose) => {
  const all = stripItems(app.model);
  const strip = part("strip");
  part("strip-title").textContent = app.ui.strip;
  if (!all.items.length) return;
  app.strip = {
    all, onChoose, strip, open: true, key: null, width: -1, measure: measurer(),
    toggle: part("strip-toggle"), body: part("strip-body"), axis: part("strip-axis"), lanes: part("strip-lanes"),
    note: part("strip-note"), range: axisRange(all.items, app.data.years, timeRange(app.data.years, app.data.as_of)),
    maxRows: app.data.big ? 40 : 300,
  };
  strip.hidden = false;
  strip.setAttribute("data-items", String(all.items.length));
  wireToggle(app);
  let queued = false;
  new ResizeObserver(() => {
    if (queued || app.strip.body.clientWidth === app.strip.width) return;
    queued = true;
    window.requestAnimationFrame(() => {
      queued = false;
      updateStrip(app);
    });
  }).observe(app.strip.body);
};
