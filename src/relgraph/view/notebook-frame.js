/* relgraph notebook views, one view's frame: the page of a view without its scripts, styles and data. It asks the
   notebook page for them (see notebook-library.js), unpacks the data (gzip, base64) into the page's data element,
   adds the style sheets and runs the two scripts, whose hashes the frame's Content-Security-Policy names. Until
   then, and if the library never answers, the drawing's place says why it is empty. */
(() => {
  "use strict";
  const network = document.getElementById("network");
  const say = (text) => {
    network.textContent = "";
    const note = document.createElement("p");
    note.className = "relgraph-note";
    note.style.cssText = "margin:2em;font:15px system-ui,sans-serif;color:#4b5563;max-width:40em";
    note.textContent = text;
    network.appendChild(note);
  };
  const add = (tag, text, where) => {
    const node = document.createElement(tag);
    node.textContent = text;
    where.appendChild(node);
  };
  const inflate = (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  };
  let state = "waiting";
  const ask = () => {
    if (state === "waiting") window.parent.postMessage({ relgraph: "ask" }, "*");
  };
  const start = async (lib) => {
    state = "starting";
    if (typeof DecompressionStream === "undefined") {
      say("This browser is too old to draw the view here (it lacks DecompressionStream): save the view as a file.");
      return;
    }
    document.getElementById("relgraph-data").textContent = await inflate(lib.data);
    add("style", lib.visCss, document.head);
    add("style", lib.appCss, document.head);
    network.textContent = "";
    add("script", lib.visJs, document.body);
    add("script", lib.appJs, document.body);
    state = "drawn";
  };
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data) return;
    if (event.data.relgraph === "hello") ask();
    else if (event.data.relgraph === "library" && state === "waiting") start(event.data);
  });
  say("Drawing…");
  window.setTimeout(() => {
    if (state === "waiting") {
      say("The script that draws relgraph views is not in this notebook: it travels once, in the output of the "
        + "first view shown. Run that cell again, or run: from relgraph.view import notebook; notebook.init()");
    }
  }, 4000);
  ask();
})();
