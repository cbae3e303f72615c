/* Finding entities by name: every label in every language and every alternative name counts, compared after
   Unicode NFKC normalisation and lower-casing (so full-width letters and Chinese names match as typed).
   Pure: no DOM. */

/** The form names are compared in. */
export const norm = (s) => String(s).normalize("NFKC").toLocaleLowerCase();

/** What search looks at: each entity's id, shown label and normalised names. */
export const searchIndex = (nodes) => nodes.map((n) => ({
  id: n.id,
  label: n.label,
  keys: [n.label, ...Object.values(n.labels || {}), ...(n.alt || [])].map(norm),
}));

/** 0 for the whole name, 1 for its start, 2 for a part inside it, null for no match. */
export const matchRank = (key, q) => {
  const at = key.indexOf(q);
  if (at < 0) return null;
  if (key === q) return 0;
  return at === 0 ? 1 : 2;
};

/** The ids of at most `limit` entities matching `query`: whole names first, then names that start with it,
    then names that contain it; within a rank shorter labels first, then the order of the data. */
export const find = (index, query, limit = 8) => {
  const q = norm(String(query).trim());
  if (!q) return [];
  const hits = [];
  index.forEach((item, order) => {
    const ranks = item.keys.map((key) => matchRank(key, q)).filter((r) => r !== null);
    if (ranks.length) hits.push({ rank: Math.min(...ranks), length: item.label.length, order, id: item.id });
  });
  hits.sort((a, b) => a.rank - b.rank || a.length - b.length || a.order - b.order);
  return hits.slice(0, limit).map((h) => h.id);
};
