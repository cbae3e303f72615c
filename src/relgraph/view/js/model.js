/* The page data as lookups, built once: kinds, entities and relations by id, the relations of each entity and
   the name to show for an id. Pure: no DOM, no vis-network. */

/** Lookups over `data` (the JSON embedded in the page). */
export const buildModel = (data) => {
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e) => {
    edgesOf.get(e.from).push(e.id);
    if (e.to !== e.from) edgesOf.get(e.to).push(e.id);
  });
  return {
    data,
    kinds: new Map(data.kinds.map((k) => [k.key, k])),
    nodes,
    edges: new Map(data.edges.map((e) => [e.id, e])),
    edgesOf,
    maxDegree: Math.max(1, ...data.nodes.map((n) => n.degree || 0)),
  };
};

const FALLBACK_KIND = { color: "#999", shape: "dot", size: 12 };

/** The legend entry of a kind, else that of "other", else a grey dot. */
export const kindOf = (model, key) => model.kinds.get(key) || model.kinds.get("other") || FALLBACK_KIND;

/** The label of an entity, else the name of a cited source, else the id itself. */
export const nameOf = (model, id) => {
  const node = model.nodes.get(id);
  if (node) return node.label;
  return (model.data.names && model.data.names[id]) || id;
};
