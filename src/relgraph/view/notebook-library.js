/* relgraph notebook views, the library: runs once in the notebook page (JupyterLab, or the HTML of nbconvert).
   The output that carries it holds the texts of vis-network, the view's app script and their style sheets, each in
   a <script type="text/plain"> element; this script keeps them and hands them, with a view's data, to each view
   frame that asks (by postMessage: the frames are sandboxed and cannot reach the page). A frame that was there
   before the library is greeted, so that it asks again. Any number of copies may run: one per library version
   answers. */
(() => {
  "use strict";
  const here = document.currentScript
    || Array.from(document.querySelectorAll(".relgraph-library script:not([type])")).pop();
  const box = here.parentNode;
  const key = box.getAttribute("data-relgraph-library");
  const known = window.relgraphViews || (window.relgraphViews = {});
  const frames = () => Array.from(document.querySelectorAll("iframe.relgraph-frame"))
    .filter((frame) => frame.getAttribute("data-library") === key);
  const greet = () => frames().forEach((frame) => {
    if (frame.contentWindow) frame.contentWindow.postMessage({ relgraph: "hello" }, "*");
  });
  if (known[key]) {
    greet();
    return;
  }
  const part = (name) => box.querySelector(`script[data-part="${name}"]`).textContent;
  const parts = { visJs: part("vis-js"), appJs: part("app-js"), visCss: part("vis-css"), appCss: part("app-css") };
  window.addEventListener("message", (event) => {
    if (!event.data || event.data.relgraph !== "ask") return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    const island = frame && frame.previousElementSibling;
    if (!island || !island.classList.contains("relgraph-data")) return;
    event.source.postMessage({ relgraph: "library", ...parts, data: island.textContent.trim() }, "*");
  });
  known[key] = { greet };
  greet();
})();
