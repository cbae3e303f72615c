/* How entities and relations are drawn: vis-network items made from the kinds of the legend and the line kinds
   (active, ended, intended, link). Pure: the items depend only on the data and the arguments given. */

import { kindOf, nameOf } from "./model.js";

/** Line of each line kind: dash pattern, colour and width. */
export const LINE = {
  active: { dashes: false, color: "#3c4654", width: 1.8 },
  ended: { dashes: [2, 5], color: "#9aa3ad", width: 1.6 },
  intended: { dashes: [8, 6], color: "#b7640f", width: 1.6 },
  link: { dashes: false, color: "#9fb0c3", width: 1.1 },
};

/** The colour of the words on a relation. */
export const EDGE_TEXT = "#56606c";

/** `hex` ("#rrggbb") darkened (f < 1) or lightened (f > 1), as "rgb(r,g,b)". */
export const shade = (hex, f) => {
  const n = parseInt(hex.slice(1), 16);
  const c = (x) => Math.max(0, Math.min(255, Math.round(x * f)));
  return `rgb(${c((n >> 16) & 255)},${c((n >> 8) & 255)},${c(n & 255)})`;
};

/** The border of a kind: its own, else its colour darkened. */
export const borderOf = (kind) => kind.border || shade(kind.color, 0.7);

/** The drawing shows a short label (at most 42 characters, cut at a space when one is near); the tooltip and the
    details panel show the whole one. */
export const shortLabel = (label) => {
  if (label.length <= 42) return label;
  const cut = label.slice(0, 40);
  const space = cut.lastIndexOf(" ");
  return `${space > 24 ? cut.slice(0, space) : cut}…`;
};

/** Label size (in drawing units, before zoom) by importance: from 14 for an entity without relations to 28 for
    the best connected one, growing with the logarithm of the degree, so that the few hubs stand out while the many
    entities with one or two relations keep a readable label. */
export const labelSize = (degree, maxDegree) => {
  const share = Math.log1p(Math.max(0, degree || 0)) / Math.log1p(Math.max(1, maxDegree));
  return Math.round(14 + 14 * Math.min(1, share));
};

/** The vis-network item of an entity. */
export const nodeItem = (model, ui, n) => {
  const k = kindOf(model, n.kind);
  const unnamed = n.kind === "unnamed";
  const hover = { background: k.color, border: "#111" };
  return {
    id: n.id, label: shortLabel(n.label), x: n.x, y: n.y, shape: k.shape,
    title: `${n.label} — ${k.label}${unnamed ? ` (${ui.unnamed})` : ""}`,
    size: k.size + Math.min(10, Math.sqrt(n.degree || 0) * 1.6),
    color: { background: k.color, border: borderOf(k), highlight: hover, hover },
    borderWidth: k.dashed ? 2 : 1.2, borderWidthSelected: 3,
    shapeProperties: { borderDashes: k.dashed ? [4, 3] : false },
    font: { color: unnamed ? "#555" : "#1d2430", size: labelSize(n.degree, model.maxDegree || 1) },
    opacity: 1,
  };
};

const pairKey = (e) => [e.from, e.to].sort().join("\u0000");

/** For each relation, its place among the relations between the same two entities (either direction):
    `{rank, count}` with rank 1..count in the order of `edges`. Computed afresh on every call, so restyling the
    relations (as the time control does) always gives the same curves. */
export const parallelRanks = (edges) => {
  const count = new Map();
  edges.forEach((e) => count.set(pairKey(e), (count.get(pairKey(e)) || 0) + 1));
  const seen = new Map();
  return new Map(edges.map((e) => {
    const key = pairKey(e);
    seen.set(key, (seen.get(key) || 0) + 1);
    return [e.id, { rank: seen.get(key), count: count.get(key) }];
  }));
};

/** Parallel relations are bent apart, each a little more than the one before; a single one is straight. */
const curve = (e, place, big) => {
  if (big || place.count < 2) return false;
  return { type: e.from < e.to ? "curvedCW" : "curvedCCW", roundness: 0.12 + 0.14 * (place.rank - 1) };
};

/** The words on a relation: none on a big graph (hover or click instead), "(date unknown)" added to an undated
    one while the time control is on (`marked`). */
const edgeLabel = (ui, e, big, undated) => {
  if (big) return undefined;
  return undated ? `${e.label} (${ui.undated})` : e.label;
};

/** The vis-network item of a relation; `place` is its entry of parallelRanks. */
export const edgeItem = (model, ui, e, { place, marked, big }) => {
  const st = LINE[e.line] || LINE.link;
  const undated = marked && !e.start && !e.end;
  const status = e.status_label ? ` (${e.status_label})` : "";
  return {
    id: e.id, from: e.from, to: e.to, label: edgeLabel(ui, e, big, undated),
    title: `${nameOf(model, e.from)} — ${e.label} → ${nameOf(model, e.to)}${status}`,
    dashes: st.dashes, width: st.width, smooth: curve(e, place, big),
    color: { color: st.color, highlight: "#111", hover: "#111", opacity: undated ? 0.35 : 1 },
    font: { color: EDGE_TEXT },
    arrows: { to: { enabled: true, scaleFactor: 0.45 } },
  };
};

/** The vis-network items of every relation of the data; `marked` fades and labels the undated ones. */
export const edgeItems = (model, ui, marked) => {
  const places = parallelRanks(model.data.edges);
  const big = Boolean(model.data.big);
  return model.data.edges.map((e) => edgeItem(model, ui, e, { place: places.get(e.id), marked, big }));
};

/** The vis-network items of every entity of the data. */
export const nodeItems = (model, ui) => model.data.nodes.map((n) => nodeItem(model, ui, n));
