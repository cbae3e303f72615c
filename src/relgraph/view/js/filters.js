/* Which entities and relations are shown, decided from the filter state alone: kinds ticked, themes ticked and
   the year of the time control. Pure: the same state always gives the same answer, whatever was shown before. */

/** The year of a date such as "2017-10-28" or "1995", else null. */
export const yearOf = (value) => {
  if (!value) return null;
  const m = /^-?(\d{1,4})/.exec(String(value));
  return m ? parseInt(m[1], 10) : null;
};

/** False when the item had not yet started or had already ended in year `y`; an open end counts as going on. */
export const inYear = (item, y) => {
  const start = yearOf(item.start);
  const end = yearOf(item.end);
  return !((start !== null && start > y) || (end !== null && end < y));
};

/** The filter state with everything on and no year: every kind and theme ticked. */
export const allOn = (data) => ({
  kinds: new Set(data.kinds.map((k) => k.key)),
  themes: new Set(data.themes.map((t) => t.id)),
  year: null,
});

/** A theme counts when it and every broader theme are ticked. */
export const themeOn = (model, themes, id) => {
  const node = model.nodes.get(id);
  const chain = node && node.themes ? node.themes : [id];
  return chain.every((t) => themes.has(t));
};

/** Kinds and themes only: a theme by its own tick, a tagged entity when any of its themes is on. */
const passesKindAndTheme = (model, state, n) => {
  if (!state.kinds.has(n.kind)) return false;
  if (n.kind === "theme") return themeOn(model, state.themes, n.id);
  if (n.themes && n.themes.length) return n.themes.some((t) => themeOn(model, state.themes, t));
  return true;
};

/** In year `y`: a dated entity by its own dates; an undated one while any of its relations is in time
    (or when it has none). `timely` is the set of relations in time. */
const passesTime = (model, n, y, timely) => {
  if (y === null) return true;
  if (n.start || n.end) return inYear(n, y);
  const rels = model.edgesOf.get(n.id);
  return !rels.length || rels.some((id) => timely.has(id));
};

/** The ids shown for `state`: `{nodes, edges}`, two Sets. A relation is shown when it is in time and both its
    ends are shown. */
export const visible = (model, state) => {
  const y = state.year;
  const timely = new Set(model.data.edges.filter((e) => y === null || inYear(e, y)).map((e) => e.id));
  const nodes = new Set(model.data.nodes
    .filter((n) => passesKindAndTheme(model, state, n) && passesTime(model, n, y, timely))
    .map((n) => n.id));
  const edges = new Set(model.data.edges
    .filter((e) => timely.has(e.id) && nodes.has(e.from) && nodes.has(e.to))
    .map((e) => e.id));
  return { nodes, edges };
};
