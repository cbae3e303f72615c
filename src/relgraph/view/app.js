/* relgraph network view: draws the data embedded in the page with vis-network and wires up search, filters,
   the time control and the details panel. Every text from the data is put on the page with textContent or as a
   vis-network plain-text label; nothing from the data is ever parsed as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("relgraph-data").textContent);
  var UI = {
    en: {
      find: "Find", findHint: "Name in any language", time: "Time", asOf: "as of", kinds: "Kinds",
      themes: "Themes", lines: "Relations", reset: "Reset view", names: "Names", dates: "Dates",
      dateUnknown: "date unknown", derived: "derived from linked entities, not stated for this one",
      ids: "Identifiers", notStated: "Not stated in the source", quotes: "In the source", relations: "Relations",
      status: "Status", certainty: "Certainty", source: "Source", noQuote: "no quote in the source",
      placeholder: "Click an entity or a relation to see its names, dates, identifiers and the exact words of the source.",
      noMatch: "nothing found", hidden: "hidden by the filters; shown again", unnamed: "not named in the source",
      count: "number", holder: "the source does not name who held this post", undated: "date unknown",
      timeHint: "Relations not yet started or already ended that year are hidden; undated ones are faded.",
      entities: "entities", rels: "relations", from: "from", to: "to", definition: "Definition",
      lang: { en: "English", nl: "Dutch", zh: "Chinese" }, alt: "also"
    },
    nl: {
      find: "Zoeken", findHint: "Naam in elke taal", time: "Tijd", asOf: "per", kinds: "Soorten",
      themes: "Thema's", lines: "Relaties", reset: "Beeld herstellen", names: "Namen", dates: "Data",
      dateUnknown: "datum onbekend", derived: "afgeleid uit verbonden entiteiten, niet voor deze vermeld",
      ids: "Identificatoren", notStated: "Niet vermeld in de bron", quotes: "In de bron", relations: "Relaties",
      status: "Status", certainty: "Zekerheid", source: "Bron", noQuote: "geen citaat in de bron",
      placeholder: "Klik op een entiteit of relatie voor namen, data, identificatoren en de letterlijke tekst van de bron.",
      noMatch: "niets gevonden", hidden: "verborgen door de filters; weer getoond", unnamed: "niet genoemd in de bron",
      count: "aantal", holder: "de bron noemt niet wie deze functie bekleedde", undated: "datum onbekend",
      timeHint: "Relaties die dat jaar nog niet begonnen of al beëindigd waren, zijn verborgen; ongedateerde zijn vaag.",
      entities: "entiteiten", rels: "relaties", from: "van", to: "naar", definition: "Omschrijving",
      lang: { en: "Engels", nl: "Nederlands", zh: "Chinees" }, alt: "ook"
    },
    zh: {
      find: "查找", findHint: "任意语言的名称", time: "时间", asOf: "截至", kinds: "类型",
      themes: "主题", lines: "关系", reset: "重置视图", names: "名称", dates: "日期",
      dateUnknown: "日期未知", derived: "由相关实体推得，来源未就此实体说明",
      ids: "标识符", notStated: "来源中未说明", quotes: "来源原文", relations: "关系",
      status: "状态", certainty: "确定性", source: "来源", noQuote: "来源中无引文",
      placeholder: "点击实体或关系，查看其各语言名称、日期、标识符及来源原文。",
      noMatch: "未找到", hidden: "曾被筛选隐藏，现已重新显示", unnamed: "来源中未具名",
      count: "数量", holder: "来源未说明此职位的任职者", undated: "日期未知",
      timeHint: "当年尚未开始或已结束的关系被隐藏；无日期的关系以淡色显示。",
      entities: "个实体", rels: "条关系", from: "自", to: "至", definition: "定义",
      lang: { en: "英文", nl: "荷兰文", zh: "中文" }, alt: "又称"
    }
  };
  var T = UI[DATA.lang] || UI.en;
  var LINE = {
    active: { dashes: false, color: "#3c4654", width: 1.8 },
    ended: { dashes: [2, 5], color: "#9aa3ad", width: 1.6 },
    intended: { dashes: [8, 6], color: "#b7640f", width: 1.6 },
    link: { dashes: false, color: "#9fb0c3", width: 1.1 }
  };
  var KIND = {};
  DATA.kinds.forEach(function (k) { KIND[k.key] = k; });
  var NODE = {}, EDGE = {}, EDGES_OF = {};
  DATA.nodes.forEach(function (n) { NODE[n.id] = n; EDGES_OF[n.id] = []; });
  DATA.edges.forEach(function (e) { EDGE[e.id] = e; EDGES_OF[e.from].push(e.id); if (e.to !== e.from) EDGES_OF[e.to].push(e.id); });

  // ------------------------------------------------------------------ small helpers (text only)
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      if (k === "text") node.textContent = props[k];
      else if (k === "className") node.className = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function text(id, value) { document.getElementById(id).textContent = value; }
  function isWeb(iri) { return typeof iri === "string" && /^https?:\/\/[^\s]+$/i.test(iri); }
  function link(iri, label) {
    if (!isWeb(iri)) return el("span", { className: "iri", text: label || String(iri) });
    var a = el("a", { className: "iri", text: label || iri, target: "_blank", rel: "noopener noreferrer" });
    a.href = iri;
    return a;
  }
  function year(v) { if (!v) return null; var m = /^-?(\d{1,4})/.exec(String(v)); return m ? parseInt(m[1], 10) : null; }
  function span(item) {
    if (!item.start && !item.end) return T.dateUnknown;
    var s = item.start || "?", e = item.end || "";
    if (s === e) return s;
    return e ? s + " – " + e : s + " –";
  }
  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = (n >> 16) & 255, g = (n >> 8) & 255, b = n & 255;
    function c(x) { return Math.max(0, Math.min(255, Math.round(x * f))); }
    return "rgb(" + c(r) + "," + c(g) + "," + c(b) + ")";
  }
  function nameOf(id) { return NODE[id] ? NODE[id].label : (DATA.names && DATA.names[id]) || id; }
  function swatch(k, sizePx) {
    var s = sizePx || 16, ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", s); svg.setAttribute("height", s); svg.setAttribute("viewBox", "0 0 16 16");
    var shape, pts = null;
    switch (k.shape) {
      case "square": shape = document.createElementNS(ns, "rect"); shape.setAttribute("x", 2.5); shape.setAttribute("y", 2.5);
        shape.setAttribute("width", 11); shape.setAttribute("height", 11); break;
      case "triangle": pts = "8,1.5 14.5,14 1.5,14"; break;
      case "triangleDown": pts = "1.5,2 14.5,2 8,14.5"; break;
      case "diamond": pts = "8,1 15,8 8,15 1,8"; break;
      case "hexagon": pts = "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8"; break;
      case "star": pts = "8,1 9.9,6 15,6.2 11,9.4 12.4,14.5 8,11.5 3.6,14.5 5,9.4 1,6.2 6.1,6"; break;
      default: shape = document.createElementNS(ns, "circle"); shape.setAttribute("cx", 8); shape.setAttribute("cy", 8);
        shape.setAttribute("r", 6);
    }
    if (pts) { shape = document.createElementNS(ns, "polygon"); shape.setAttribute("points", pts); }
    shape.setAttribute("fill", k.color);
    shape.setAttribute("stroke", k.border || shade(k.color, 0.7));
    shape.setAttribute("stroke-width", k.dashed ? 1.6 : 1);
    if (k.dashed) shape.setAttribute("stroke-dasharray", "2.5 1.8");
    svg.appendChild(shape);
    return svg;
  }
  function lineSample(key) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), l = document.createElementNS(ns, "line");
    var st = LINE[key];
    svg.setAttribute("width", 34); svg.setAttribute("height", 10);
    l.setAttribute("x1", 1); l.setAttribute("y1", 5); l.setAttribute("x2", 33); l.setAttribute("y2", 5);
    l.setAttribute("stroke", st.color); l.setAttribute("stroke-width", Math.max(2, st.width));
    if (st.dashes) l.setAttribute("stroke-dasharray", st.dashes.join(" "));
    svg.appendChild(l);
    return svg;
  }

  // ------------------------------------------------------------------ vis-network items
  var big = !!DATA.big;
  function short(label) {  // the drawing shows a short label; the tooltip and the panel the whole one
    if (label.length <= 42) return label;
    var cut = label.slice(0, 40), sp = cut.lastIndexOf(" ");
    return (sp > 24 ? cut.slice(0, sp) : cut) + "…";
  }
  function visNode(n) {
    var k = KIND[n.kind] || KIND.other || { color: "#999", shape: "dot", size: 12 };
    var border = k.border || shade(k.color, 0.7);
    var title = n.label + " — " + k.label + (n.kind === "unnamed" ? " (" + T.unnamed + ")" : "");
    return {
      id: n.id, label: short(n.label), x: n.x, y: n.y, shape: k.shape, title: title,
      size: k.size + Math.min(10, Math.sqrt(n.degree || 0) * 1.6),
      color: { background: k.color, border: border, highlight: { background: k.color, border: "#111" },
               hover: { background: k.color, border: "#111" } },
      borderWidth: k.dashed ? 2 : 1.2, borderWidthSelected: 3,
      shapeProperties: { borderDashes: k.dashed ? [4, 3] : false },
      font: { color: n.kind === "unnamed" ? "#555" : "#1d2430" }
    };
  }
  var pairCount = {};
  DATA.edges.forEach(function (e) { var k = [e.from, e.to].sort().join("\u0000"); pairCount[k] = (pairCount[k] || 0) + 1; });
  var pairSeen = {};
  function visEdge(e, marked) {
    var st = LINE[e.line] || LINE.link;
    var k = [e.from, e.to].sort().join("\u0000"), i = pairSeen[k] = (pairSeen[k] || 0) + 1;
    var smooth = false;
    if (!big && pairCount[k] > 1) smooth = { type: (e.from < e.to) ? "curvedCW" : "curvedCCW", roundness: 0.12 + 0.14 * (i - 1) };
    var undated = marked && !e.start && !e.end;
    return {
      // a big graph draws no words on its edges (thousands of them would be unreadable and slow): hover or click
      id: e.id, from: e.from, to: e.to, label: big ? undefined : undated ? e.label + " (" + T.undated + ")" : e.label,
      title: nameOf(e.from) + " — " + e.label + " → " + nameOf(e.to) + (e.status_label ? " (" + e.status_label + ")" : ""),
      dashes: st.dashes, width: st.width, smooth: smooth,
      color: { color: st.color, highlight: "#111", hover: "#111", opacity: undated ? 0.35 : 1 },
      arrows: { to: { enabled: true, scaleFactor: 0.45 } }
    };
  }
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(DATA.edges.map(function (e) { return visEdge(e, !!DATA.as_of); }));

  // ------------------------------------------------------------------ filters
  var allKinds = DATA.kinds.map(function (k) { return k.key; });
  var state = { kinds: new Set(allKinds), themes: new Set(DATA.themes.map(function (t) { return t.id; })), year: null };
  var shownNode = {}, shownEdge = {};
  function timeOk(item, y) {
    var s = year(item.start), e = year(item.end);
    return !((s !== null && s > y) || (e !== null && e < y));
  }
  function themeOn(t) {  // a theme counts when it and every broader theme are ticked
    var up = NODE[t] && NODE[t].themes ? NODE[t].themes : [t];
    return up.every(function (x) { return state.themes.has(x); });
  }
  function recompute() {
    var y = state.year, baseNode = {}, timeEdge = {};
    DATA.nodes.forEach(function (n) {
      var ok = state.kinds.has(n.kind);
      if (ok && n.kind === "theme") ok = themeOn(n.id);
      else if (ok && n.themes && n.themes.length) ok = n.themes.some(themeOn);
      baseNode[n.id] = ok;
    });
    DATA.edges.forEach(function (e) {
      timeEdge[e.id] = y === null || timeOk(e, y);
      shownEdge[e.id] = timeEdge[e.id] && baseNode[e.from] && baseNode[e.to];
    });
    DATA.nodes.forEach(function (n) {
      var ok = baseNode[n.id];
      if (ok && y !== null) {
        var dated = !!(n.start || n.end), own = timeOk(n, y);
        if (dated && !own) ok = false;
        else if (!(dated && own) && EDGES_OF[n.id].length && !EDGES_OF[n.id].some(function (id) { return timeEdge[id]; })) ok = false;
      }
      shownNode[n.id] = ok;
    });
    DATA.edges.forEach(function (e) { shownEdge[e.id] = shownEdge[e.id] && shownNode[e.from] && shownNode[e.to]; });
  }
  recompute();
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNode[n.id]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdge[e.id]; } });
  function refresh() { recompute(); nodeView.refresh(); edgeView.refresh(); }

  // ------------------------------------------------------------------ the network
  var container = document.getElementById("network");
  var options = {
    autoResize: true, physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: !big, tooltipDelay: 250, navigationButtons: false, keyboard: { enabled: true, bindToWindow: false },
                   hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
    nodes: {
      font: { size: 17, face: "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans CJK SC, sans-serif",
              strokeWidth: 4, strokeColor: "#ffffff" },
      widthConstraint: { maximum: 190 }, scaling: { label: { drawThreshold: 7 } }
    },
    edges: {
      font: { size: 11, color: "#56606c", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      selectionWidth: 1.5, hoverWidth: 0.5, chosen: true
    }
  };
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("details");
  function clear() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
  function placeholder() { clear(); panel.appendChild(el("p", { className: "placeholder", text: T.placeholder })); }
  function section(title, body) { panel.appendChild(el("h3", { text: title })); panel.appendChild(body); }
  function quoteBlock(q, src) {
    var box = el("div");
    box.appendChild(el("blockquote", { text: q }));
    if (src) box.appendChild(el("div", { className: "src" }, [T.source + ": ", link(src, nameOf(src))]));
    return box;
  }
  function relationBody(e) {
    var box = el("div");
    var t = el("table");
    if (e.status_label || e.status) t.appendChild(el("tr", null, [el("td", { className: "k", text: T.status }), el("td", { text: e.status_label || e.status })]));
    t.appendChild(el("tr", null, [el("td", { className: "k", text: T.dates }),
      el("td", { text: span(e) + (e.derived ? " (" + T.derived + ")" : "") })]));
    if (e.certainty) t.appendChild(el("tr", null, [el("td", { className: "k", text: T.certainty }), el("td", { text: e.certainty })]));
    box.appendChild(t);
    if (e.quote) box.appendChild(quoteBlock(e.quote, e.source));
    else box.appendChild(el("p", { className: "src", text: T.noQuote }));
    return box;
  }
  function showNode(id) {
    var n = NODE[id]; if (!n) return;
    var k = KIND[n.kind] || { label: n.kind, color: "#999" };
    clear();
    panel.appendChild(el("h2", { text: n.label }));
    panel.appendChild(el("div", { className: "kindline" }, [swatch(k), k.label + (n.kind === "unnamed" ? " — " + T.unnamed : "")]));
    var names = el("table");
    ["en", "nl", "zh"].forEach(function (code) {
      if (n.labels && n.labels[code]) names.appendChild(el("tr", null, [el("td", { className: "k", text: T.lang[code] }), el("td", { text: n.labels[code] })]));
    });
    if (n.alt && n.alt.length) names.appendChild(el("tr", null, [el("td", { className: "k", text: T.alt }), el("td", { text: n.alt.join(" · ") })]));
    if (n.count !== undefined) names.appendChild(el("tr", null, [el("td", { className: "k", text: T.count }), el("td", { text: String(n.count) })]));
    section(T.names, names);
    if (n.definition) section(T.definition, el("p", { text: n.definition }));
    section(T.dates, el("p", { text: span(n) + (n.derived ? " (" + T.derived + ")" : "") + (n.status ? " · " + n.status : "") }));
    var ids = el("ul");
    ids.appendChild(el("li", null, [link(n.id)]));
    (n.same_as || []).forEach(function (s) { ids.appendChild(el("li", null, [link(s)])); });
    section(T.ids, ids);
    var unknown = (n.unknown || []).slice();
    if (n.holder_named === false) unknown.push(T.holder);
    if (unknown.length) {
      var ul = el("ul", { className: "unknown" });
      unknown.forEach(function (u) { ul.appendChild(el("li", { text: u })); });
      section(T.notStated, ul);
    }
    if (n.quotes && n.quotes.length) {
      var qs = el("div");
      n.quotes.forEach(function (q) { qs.appendChild(quoteBlock(q, n.source)); });
      section(T.quotes, qs);
    }
    var rels = EDGES_OF[id].map(function (eid) { return EDGE[eid]; });
    if (rels.length) {
      var list = el("div");
      rels.forEach(function (e) {
        var out = e.from === id, other = out ? e.to : e.from;
        var d = el("details");
        d.appendChild(el("summary", { text: (out ? e.label + " → " : "← " + e.label + " · ") + nameOf(other) }));
        d.appendChild(relationBody(e));
        list.appendChild(d);
      });
      section(T.relations + " (" + rels.length + ")", list);
    }
  }
  function showEdge(id) {
    var e = EDGE[id]; if (!e) return;
    clear();
    panel.appendChild(el("h2", { text: e.label }));
    var t = el("table");
    t.appendChild(el("tr", null, [el("td", { className: "k", text: T.from }), el("td", { text: nameOf(e.from) })]));
    t.appendChild(el("tr", null, [el("td", { className: "k", text: T.to }), el("td", { text: nameOf(e.to) })]));
    panel.appendChild(t);
    section(T.status, relationBody(e));
    var ids = el("ul");
    if (e.kind) ids.appendChild(el("li", null, [link(e.kind)]));
    if (e.relation) ids.appendChild(el("li", null, [link(e.relation)]));
    section(T.ids, ids);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else placeholder();
  });

  // ------------------------------------------------------------------ search
  function norm(s) { return String(s).normalize("NFKC").toLocaleLowerCase(); }
  var index = DATA.nodes.map(function (n) {
    var keys = [n.label].concat(Object.keys(n.labels || {}).map(function (k) { return n.labels[k]; }), n.alt || []);
    return { id: n.id, keys: keys.map(norm) };
  });
  function find(q) {
    q = norm(q.trim()); if (!q) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = 9;
      it.keys.forEach(function (k) { best = Math.min(best, k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) > 0 ? 2 : 9); });
      if (best < 9) hits.push([best, NODE[it.id].label.length, it.id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.slice(0, 8).map(function (h) { return h[2]; });
  }
  var search = document.getElementById("search"), matches = document.getElementById("matches");
  function select(id) {
    if (!shownNode[id]) { reset(true); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(1, network.getScale()), animation: big ? false : { duration: 350, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  function listMatches() {
    while (matches.firstChild) matches.removeChild(matches.firstChild);
    if (!search.value.trim()) return;
    var ids = find(search.value);
    if (!ids.length) { matches.appendChild(el("li", { className: "hint", text: T.noMatch })); return; }
    ids.forEach(function (id) {
      var b = el("button", { type: "button" }, [NODE[id].label + " ", el("span", { className: "kind", text: (KIND[NODE[id].kind] || {}).label || "" })]);
      b.addEventListener("click", function () { select(id); });
      matches.appendChild(el("li", null, [b]));
    });
  }
  search.addEventListener("input", listMatches);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var ids = find(search.value); if (ids.length) select(ids[0]); }
  });

  // ------------------------------------------------------------------ legend and filters
  var kindList = document.getElementById("kinds"), kindCount = {};
  DATA.nodes.forEach(function (n) { kindCount[n.kind] = (kindCount[n.kind] || 0) + 1; });
  DATA.kinds.forEach(function (k) {
    var box = el("input", { type: "checkbox", "data-kind": k.key }); box.checked = true;
    box.addEventListener("change", function () { if (box.checked) state.kinds.add(k.key); else state.kinds.delete(k.key); refresh(); });
    kindList.appendChild(el("li", null, [el("label", null, [box, swatch(k), k.label, el("span", { className: "count", text: String(kindCount[k.key] || 0) })])]));
  });
  var themeList = document.getElementById("themes");
  if (!DATA.themes.length) document.getElementById("themes-section").hidden = true;
  DATA.themes.forEach(function (t) {
    var box = el("input", { type: "checkbox", "data-theme": t.id }); box.checked = true;
    box.addEventListener("change", function () { if (box.checked) state.themes.add(t.id); else state.themes.delete(t.id); refresh(); });
    var sub = (NODE[t.id].themes || []).length > 1;
    themeList.appendChild(el("li", sub ? { className: "sub" } : null, [el("label", null, [box, t.label])]));
  });
  var lineList = document.getElementById("lines");
  DATA.lines.forEach(function (l) { lineList.appendChild(el("li", null, [lineSample(l.key), el("span", { text: l.label })])); });

  // themes: broader ones first, each followed by its narrower ones
  (function orderThemes() {
    var items = Array.prototype.slice.call(themeList.children);
    function top(li) { var id = li.querySelector("input").getAttribute("data-theme"); var ts = NODE[id].themes || [id];
      var up = ts.filter(function (t) { return t !== id; }); return nameOf(up[0] || id).toLowerCase() + (up.length ? "\u0001" + nameOf(id).toLowerCase() : ""); }
    items.sort(function (a, b) { return top(a) < top(b) ? -1 : top(a) > top(b) ? 1 : 0; });
    items.forEach(function (li) { themeList.appendChild(li); });
  })();

  // ------------------------------------------------------------------ time control
  var timeOn = document.getElementById("time-on"), yearInput = document.getElementById("year"), yearOut = document.getElementById("year-out");
  var years = DATA.years;
  var startYear = DATA.as_of ? year(DATA.as_of) : null;
  if (years) {
    yearInput.min = Math.min(years[0], startYear || years[0]); yearInput.max = Math.max(years[1], startYear || years[1]);
    yearInput.value = startYear || years[1];
  } else {
    timeOn.disabled = true;
  }
  function applyTime() {
    yearInput.disabled = !timeOn.checked;
    yearOut.textContent = timeOn.checked ? yearInput.value : "";
    var y = timeOn.checked ? parseInt(yearInput.value, 10) : null;
    if (y === state.year) return;
    var was = state.year; state.year = y;
    if ((was === null) !== (y === null)) {  // mark or unmark the undated relations
      pairSeen = {};
      edges.update(DATA.edges.map(function (e) { return visEdge(e, y !== null); }));
    }
    refresh();
  }
  timeOn.addEventListener("change", applyTime);
  yearInput.addEventListener("input", applyTime);

  // ------------------------------------------------------------------ reset
  function reset(keepSearch) {
    state.kinds = new Set(allKinds);
    state.themes = new Set(DATA.themes.map(function (t) { return t.id; }));
    document.querySelectorAll("#kinds input, #themes input").forEach(function (b) { b.checked = true; });
    timeOn.checked = !!startYear;
    if (years) yearInput.value = startYear || years[1];
    applyTime();
    refresh();
    if (keepSearch !== true) {
      search.value = ""; listMatches();
      network.unselectAll(); placeholder();
      network.fit({ animation: false });
    }
  }
  document.getElementById("reset").addEventListener("click", function () { reset(); });

  // ------------------------------------------------------------------ texts
  text("description", DATA.description || "");
  text("search-label", T.find); search.placeholder = T.findHint;
  text("time-label", T.time); text("time-on-label", T.asOf); text("time-hint", T.timeHint);
  text("kinds-label", T.kinds); text("themes-label", T.themes); text("lines-label", T.lines); text("reset", T.reset);
  text("caption", (DATA.caption ? DATA.caption + " · " : "") + DATA.nodes.length + " " + T.entities + ", " + DATA.edges.length + " " + T.rels);
  timeOn.checked = !!startYear;
  applyTime();
  placeholder();

  window.relgraph = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: DATA,
                      select: select, find: find, reset: reset, state: state, showNode: showNode, showEdge: showEdge,
                      ready: false };
  if (DATA.focus && NODE[DATA.focus]) { network.selectNodes([DATA.focus]); showNode(DATA.focus); }
  network.once("afterDrawing", function () {
    window.relgraph.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.fit({ animation: false });
})();
