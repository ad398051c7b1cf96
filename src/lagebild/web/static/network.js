// Actor network: a small force-directed layout drawn as SVG. No libraries; all text via textContent.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var dataEl = document.getElementById("network-data");
  var info = document.getElementById("net-info");
  if (!svg || !dataEl) { return; }
  var data = JSON.parse(dataEl.textContent || "{}");
  var NS = "http://www.w3.org/2000/svg";
  var W = 900, H = 600;
  var rawNodes = data.nodes || [], rawEdges = data.edges || [];

  var nodes = rawNodes.map(function (n, i) {
    var a = 2 * Math.PI * i / Math.max(rawNodes.length, 1);
    var r = 120 + 140 * ((i * 7) % 5) / 5;
    return { id: n.id, d: n, x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0, fixed: false };
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var edges = rawEdges.filter(function (e) { return byId[e.source] && byId[e.target]; })
    .map(function (e) { return { s: byId[e.source], t: byId[e.target], d: e }; });
  var maxNode = Math.max.apply(null, [1].concat(nodes.map(function (n) { return n.d.events; })));
  var maxEdge = Math.max.apply(null, [1].concat(edges.map(function (e) { return e.d.events; })));

  function radius(n) { return 6 + 16 * Math.sqrt(n.d.events / maxNode); }

  function step(alpha) {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      a = nodes[i];
      for (j = i + 1; j < nodes.length; j++) {
        b = nodes[j];
        dx = a.x - b.x; dy = a.y - b.y;
        d2 = dx * dx + dy * dy + 0.01;
        d = Math.sqrt(d2);
        f = 24000 * alpha / d2;
        a.vx += dx / d * f; a.vy += dy / d * f;
        b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
    }
    edges.forEach(function (e) {
      dx = e.t.x - e.s.x; dy = e.t.y - e.s.y;
      d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      f = (d - 170) * 0.04 * alpha;
      e.s.vx += dx / d * f; e.s.vy += dy / d * f;
      e.t.vx -= dx / d * f; e.t.vy -= dy / d * f;
    });
    nodes.forEach(function (n) {
      n.vx += (W / 2 - n.x) * 0.006 * alpha;
      n.vy += (H / 2 - n.y) * 0.009 * alpha;
      if (!n.fixed) {
        n.x += Math.max(-30, Math.min(30, n.vx));
        n.y += Math.max(-30, Math.min(30, n.vy));
      }
      n.vx *= 0.6; n.vy *= 0.6;
      var r = radius(n) + 4;
      n.x = Math.max(r, Math.min(W - r, n.x));
      n.y = Math.max(r, Math.min(H - r, n.y));
    });
  }
  for (var k = 0; k < 300; k++) { step(1 - k / 320); }

  function mix(c1, c2, t) {
    var r = Math.round(c1[0] + (c2[0] - c1[0]) * t), g = Math.round(c1[1] + (c2[1] - c1[1]) * t),
        b = Math.round(c1[2] + (c2[2] - c1[2]) * t);
    return "rgb(" + r + "," + g + "," + b + ")";
  }
  function edgeColour(e) {
    var idx = typeof e.d.index === "number" ? e.d.index : 0;
    return idx >= 0 ? mix([150, 150, 150], [27, 120, 55], idx) : mix([150, 150, 150], [178, 24, 43], -idx);
  }
  function el(name, attrs) {
    var x = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { x.setAttribute(key, String(attrs[key])); });
    return x;
  }
  function show(lines) {
    if (!info) { return; }
    while (info.firstChild) { info.removeChild(info.firstChild); }
    lines.forEach(function (line, i) {
      var p = document.createElement(i === 0 ? "h3" : "p");
      p.textContent = line;
      info.appendChild(p);
    });
  }
  function dyadUrl(a, b) {
    if (data.level === "country") {
      return "/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b);
    }
    return "/events?" + new URLSearchParams({ dyad: a + "," + b }).toString();
  }
  function nodeUrl(n) {
    if (data.level === "country") {
      return "/events?" + new URLSearchParams({ actor: n.id }).toString();
    }
    return "/actors/" + encodeURIComponent(n.id);
  }

  var gEdges = el("g", { "class": "edges" }), gNodes = el("g", { "class": "nodes" });
  svg.appendChild(gEdges); svg.appendChild(gNodes);
  edges.forEach(function (e) {
    e.line = el("line", { "class": "edge", stroke: edgeColour(e), "stroke-opacity": 0.75,
      "stroke-width": (1 + 7 * Math.sqrt(e.d.events / maxEdge)).toFixed(1) });
    var t = el("title");
    t.textContent = e.d.source + " – " + e.d.target + ": " + e.d.events + " events (" + e.d.cooperative +
      " cooperative, " + e.d.conflictual + " conflictual)";
    e.line.appendChild(t);
    e.line.addEventListener("mouseenter", function () {
      show([e.s.d.label + " – " + e.t.d.label, e.d.events + " events", e.d.cooperative + " cooperative, " +
        e.d.conflictual + " conflictual", "mean Goldstein " + (e.d.goldstein_mean === null ? "—" : e.d.goldstein_mean),
        e.d.source + " → " + e.d.target + ": " + e.d.forward + ", " + e.d.target + " → " + e.d.source + ": " + e.d.backward]);
    });
    e.line.addEventListener("click", function () { window.location.href = dyadUrl(e.d.source, e.d.target); });
    gEdges.appendChild(e.line);
  });
  var drag = null, moved = false;
  nodes.forEach(function (n) {
    n.g = el("g", { "class": "node" });
    n.circle = el("circle", { r: radius(n).toFixed(1),
      fill: n.d.conflictual > n.d.cooperative ? "#d6604d" : "#4393c3" });
    n.label = el("text", { dx: (radius(n) + 3).toFixed(1), dy: 4 });
    n.label.textContent = n.d.label;
    var t = el("title");
    t.textContent = n.d.label + ": " + n.d.events + " events";
    n.circle.appendChild(t);
    n.g.appendChild(n.circle); n.g.appendChild(n.label);
    n.circle.addEventListener("pointerdown", function (ev) {
      drag = n; moved = false; n.fixed = true;
      if (n.circle.setPointerCapture) { n.circle.setPointerCapture(ev.pointerId); }
      ev.preventDefault();
    });
    n.circle.addEventListener("mouseenter", function () {
      show([n.d.label, n.d.events + " events with " + n.d.degree + " partners",
        n.d.cooperative + " cooperative, " + n.d.conflictual + " conflictual"]);
    });
    n.circle.addEventListener("click", function () { if (!moved) { window.location.href = nodeUrl(n); } });
    gNodes.appendChild(n.g);
  });
  function toSvg(ev) {
    var m = svg.getScreenCTM();
    if (!m) { return null; }
    var p = svg.createSVGPoint();
    p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(m.inverse());
  }
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var p = toSvg(ev);
    if (!p) { return; }
    moved = true;
    drag.x = Math.max(0, Math.min(W, p.x)); drag.y = Math.max(0, Math.min(H, p.y));
    for (var i = 0; i < 5; i++) { step(0.05); }
    draw();
  });
  svg.addEventListener("pointerup", function () { drag = null; });

  function draw() {
    edges.forEach(function (e) {
      e.line.setAttribute("x1", e.s.x.toFixed(1)); e.line.setAttribute("y1", e.s.y.toFixed(1));
      e.line.setAttribute("x2", e.t.x.toFixed(1)); e.line.setAttribute("y2", e.t.y.toFixed(1));
    });
    nodes.forEach(function (n) {
      n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    });
  }
  draw();
  svg.setAttribute("data-ready", String(nodes.length));
  if (!nodes.length) { show(["No interactions in this selection."]); }
})();
