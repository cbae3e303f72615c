/* Highlighting what was clicked: an entity with its neighbours and its relations, or a relation with its two
   ends, drawn as they are; everything else dimmed. Pure: items in, items out. */

const DIM_NODE_TEXT = "rgba(29,36,48,0.22)";
const DIM_EDGE_TEXT = "rgba(86,96,108,0.18)";

/** What stays lit around `target` (`{node: id}` or `{edge: id}`): `{nodes, edges}`, two Sets of ids; null for an
    id the data does not have. */
export const around = (model, target) => {
  if (target.edge !== undefined) {
    const e = model.edges.get(target.edge);
    return e ? { nodes: new Set([e.from, e.to]), edges: new Set([e.id]) } : null;
  }
  const rels = model.edgesOf.get(target.node);
  if (!rels) return null;
  const nodes = new Set([target.node]);
  rels.forEach((id) => {
    const e = model.edges.get(id);
    nodes.add(e.from);
    nodes.add(e.to);
  });
  return { nodes, edges: new Set(rels) };
};

/** A node item faded into the background, label included. */
export const dimNode = (item) => ({ ...item, opacity: 0.15, font: { ...item.font, color: DIM_NODE_TEXT } });

/** An edge item faded into the background, label included. */
export const dimEdge = (item) => ({
  ...item, color: { ...item.color, opacity: 0.08 }, font: { ...item.font, color: DIM_EDGE_TEXT },
});

/** The items with everything outside `lit` (the answer of `around`, or null for nothing) dimmed. */
export const lightUp = (nodes, edges, lit) => {
  if (!lit) return { nodes, edges };
  return {
    nodes: nodes.map((n) => (lit.nodes.has(n.id) ? n : dimNode(n))),
    edges: edges.map((e) => (lit.edges.has(e.id) ? e : dimEdge(e))),
  };
};
