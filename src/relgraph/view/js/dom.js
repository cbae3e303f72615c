/* Element helpers that only ever write text: every string from the data reaches the page through textContent,
   an attribute or a plain-text vis-network label, never through innerHTML. */

/** A new element: `props.text` becomes its text, `props.className` its class, any other prop an attribute;
    children are elements or strings (as text nodes); falsy children are skipped. */
export const el = (tag, props, children) => {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([key, value]) => {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  });
  (children || []).forEach((child) => {
    if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
};

/** Put `value` as the text of the element with this id. */
export const setText = (id, value) => {
  document.getElementById(id).textContent = value;
};

/** Remove every child of `node`. */
export const empty = (node) => {
  while (node.firstChild) node.removeChild(node.firstChild);
};

/** True for an http(s) address without white space: the only kind of identifier drawn as a link. */
export const isWeb = (iri) => typeof iri === "string" && /^https?:\/\/[^\s]+$/i.test(iri);

/** An identifier: a link that opens in a new tab when it is a web address, plain text otherwise. */
export const link = (iri, label) => {
  if (!isWeb(iri)) return el("span", { className: "iri", text: label || String(iri) });
  const a = el("a", { className: "iri", text: label || iri, target: "_blank", rel: "noopener noreferrer" });
  a.href = iri;
  return a;
};
