/* Small SVG samples for the legend and the details panel: the shape of a kind, the line of a line kind. */

import { LINE, borderOf } from "./style.js";

const SVG = "http://www.w3.org/2000/svg";

/** The points of each polygon shape in a 16 × 16 box. */
const POLYGONS = {
  triangle: "8,1.5 14.5,14 1.5,14",
  triangleDown: "1.5,2 14.5,2 8,14.5",
  diamond: "8,1 15,8 8,15 1,8",
  hexagon: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8",
  star: "8,1 9.9,6 15,6.2 11,9.4 12.4,14.5 8,11.5 3.6,14.5 5,9.4 1,6.2 6.1,6",
};

/** An SVG element with these attributes (set with setAttribute: never markup). */
export const svgNode = (tag, attrs) => {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
};

/** The outline of a vis-network shape name, as an SVG element in a 16 × 16 box. */
const outline = (shape) => {
  if (POLYGONS[shape]) return svgNode("polygon", { points: POLYGONS[shape] });
  if (shape === "square") return svgNode("rect", { x: 2.5, y: 2.5, width: 11, height: 11 });
  return svgNode("circle", { cx: 8, cy: 8, r: 6 });
};

/** The shape of a kind in its colours, `size` pixels wide (16 by default). */
export const kindSwatch = (kind, size = 16) => {
  const svg = svgNode("svg", { width: size, height: size, viewBox: "0 0 16 16" });
  const shape = outline(kind.shape);
  shape.setAttribute("fill", kind.color);
  shape.setAttribute("stroke", borderOf(kind));
  shape.setAttribute("stroke-width", kind.dashed ? 1.6 : 1);
  if (kind.dashed) shape.setAttribute("stroke-dasharray", "2.5 1.8");
  svg.appendChild(shape);
  return svg;
};

/** A short stretch of the line of a line kind. */
export const lineSample = (key) => {
  const st = LINE[key] || LINE.link;
  const svg = svgNode("svg", { width: 34, height: 10 });
  const width = Math.max(2, st.width);
  const line = svgNode("line", { x1: 1, y1: 5, x2: 33, y2: 5, stroke: st.color, "stroke-width": width });
  if (st.dashes) line.setAttribute("stroke-dasharray", st.dashes.join(" "));
  svg.appendChild(line);
  return svg;
};
