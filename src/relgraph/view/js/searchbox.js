/* The search box: matching entities listed as buttons while typing; a click on one, or Enter, picks it. */

import { el, empty } from "./dom.js";
import { find } from "./search.js";

const box = () => document.getElementById("search");

/** List the entities matching what is typed (or "nothing found"); a click calls `onPick(id)`. */
export const listMatches = (app, onPick) => {
  const list = document.getElementById("matches");
  empty(list);
  if (!box().value.trim()) return;
  const ids = find(app.index, box().value);
  if (!ids.length) {
    list.appendChild(el("li", { className: "hint", text: app.ui.noMatch }));
    return;
  }
  ids.forEach((id) => {
    const n = app.model.nodes.get(id);
    const kind = el("span", { className: "kind", text: (app.model.kinds.get(n.kind) || {}).label || "" });
    const button = el("button", { type: "button" }, [`${n.label} `, kind]);
    button.addEventListener("click", () => onPick(id));
    list.appendChild(el("li", null, [button]));
  });
};

/** Empty the box and the list. */
export const clearSearch = (app, onPick) => {
  box().value = "";
  listMatches(app, onPick);
};

/** List matches while typing; Enter picks the best match. */
export const wireSearch = (app, onPick) => {
  box().placeholder = app.ui.findHint;
  box().addEventListener("input", () => listMatches(app, onPick));
  box().addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const ids = find(app.index, box().value);
    if (ids.length) onPick(ids[0]);
  });
};
