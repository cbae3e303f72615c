/* The legend, which is also the filter: a tick box per kind (with its shape and count) and per theme (broader
   themes first, each followed by its narrower ones), and a sample of each line kind in use. */

import { el } from "./dom.js";
import { nameOf } from "./model.js";
import { kindSwatch, lineSample } from "./swatch.js";

/** The sort key of a theme: its broadest theme's name, then its own name when it is a narrower one. */
const themeKey = (model, id) => {
  const node = model.nodes.get(id);
  const up = ((node && node.themes) || [id]).filter((t) => t !== id);
  const top = nameOf(model, up[0] || id).toLowerCase();
  return up.length ? `${top}\u0001${nameOf(model, id).toLowerCase()}` : top;
};

/** The themes of the data, broader ones first, each followed by its narrower ones. */
export const themeOrder = (model, themes) => themes
  .map((t) => ({ theme: t, key: themeKey(model, t.id) }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  .map((x) => x.theme);

/** A tick box that adds `key` to or removes it from the set `chosen()` (looked up at each tick: a reset puts new
    sets in the filter state), then calls `onChange`. */
const tickBox = (attr, key, chosen, onChange) => {
  const box = el("input", { type: "checkbox", [attr]: key });
  box.checked = true;
  box.addEventListener("change", () => {
    if (box.checked) chosen().add(key);
    else chosen().delete(key);
    onChange();
  });
  return box;
};

const kindEntries = (app, onChange) => {
  const counts = new Map();
  app.data.nodes.forEach((n) => counts.set(n.kind, (counts.get(n.kind) || 0) + 1));
  return app.data.kinds.map((k) => {
    const count = el("span", { className: "count", text: String(counts.get(k.key) || 0) });
    const box = tickBox("data-kind", k.key, () => app.filter.kinds, onChange);
    return el("li", null, [el("label", null, [box, kindSwatch(k), k.label, count])]);
  });
};

const themeEntries = (app, onChange) => themeOrder(app.model, app.data.themes).map((t) => {
  const node = app.model.nodes.get(t.id);
  const narrower = ((node && node.themes) || []).length > 1;
  const box = tickBox("data-theme", t.id, () => app.filter.themes, onChange);
  return el("li", narrower ? { className: "sub" } : null, [el("label", null, [box, t.label])]);
});

/** Fill the legend; `onChange` is called after each tick. The boxes read from and write to `app.filter`. */
export const buildLegend = (app, onChange) => {
  const kinds = document.getElementById("kinds");
  kindEntries(app, onChange).forEach((li) => kinds.appendChild(li));
  const themes = document.getElementById("themes");
  document.getElementById("themes-section").hidden = !app.data.themes.length;
  themeEntries(app, onChange).forEach((li) => themes.appendChild(li));
  const lines = document.getElementById("lines");
  app.data.lines.forEach((l) => lines.appendChild(el("li", null, [lineSample(l.key), el("span", { text: l.label })])));
};

/** Tick every box again (the sets of `app.filter` are reset by the caller). */
export const tickAll = () => {
  document.querySelectorAll("#kinds input, #themes input").forEach((box) => {
    box.checked = true;
  });
};
