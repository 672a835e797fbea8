// The time axis, zoomed and panned: by wheel, drag, pinch, the buttons and the keyboard (+ − ← → Home).
// The page's own drawing works without this script; here it is redrawn from axis.json (every day of
// the story's events) at the window asked for, events counted per column, and from a month's file
// (axis/YYYY-MM.json) each event its own mark, a link to its page, once the window is short enough.
// The layout follows timeline/render/axis.py.
(function () {
  function takeOver() {
    "use strict";
    var fig = document.getElementById("axis");
    if (!fig || !window.fetch) return;
    var W = 1000, H = 230, COLUMNS = 250, LANES = [16, 36, 56], TOP = 70, BASE = 175, SPAN_Y = 181, TICK_Y = 200;
    var DETAIL_DAYS = 62, STACK = 14, LABEL_CHARS = 30, MIN_DAYS = 7, DAY = 86400000;
    var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    var NS = "http://www.w3.org/2000/svg";
    var root = fig.getAttribute("data-root"), frame = document.getElementById("axis-frame");
    var status = document.getElementById("axis-status");
    var view = { first: +fig.getAttribute("data-first"), last: +fig.getAttribute("data-last") };
    var data = null, days = null, spans = null, months = {}, pending = {}, whole = null, queued = false;

    function esc(text) {
      return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    }
    function date(n) { return new Date(n * DAY); }
    function dayText(n) { var d = date(n); return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    function monthKey(n) { var d = date(n); return d.getUTCFullYear() + "-" + ("0" + (d.getUTCMonth() + 1)).slice(-2); }
    function x(n) { return (n - view.first) / (view.last + 1 - view.first) * W; }
    function lowerBound(list, value) {  // the first index whose value is >= value
      var lo = 0, hi = list.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < value) lo = mid + 1; else hi = mid; }
      return lo;
    }
    function cut(title) { return title.length <= LABEL_CHARS ? title : title.slice(0, LABEL_CHARS - 1).trim() + "\u2026"; }

    function ticks() {
      var out = [], span = view.last - view.first + 1, d = date(view.first), end = date(view.last), t, every, text;
      if (span > 3 * 366) {
        var y0 = d.getUTCFullYear() + 1, y1 = end.getUTCFullYear(), step = Math.max(1, Math.floor((y1 - y0 + 2) / 10));
        for (var y = y0; y <= y1; y += step) out.push([Date.UTC(y, 0, 1) / DAY, String(y)]);
      } else if (span > 62) {
        every = span <= 400 ? 1 : span <= 800 ? 3 : 6;
        for (t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); t <= end;
          t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1))) {
          if (t.getUTCMonth() % every) continue;
          text = MONTHS[t.getUTCMonth()] + (t.getUTCMonth() === 0 || every > 1 ? " " + t.getUTCFullYear() : "");
          out.push([t / DAY, text]);
        }
      } else {
        every = span <= 14 ? 1 : 7;
        for (var n = view.first; n <= view.last; n++) {
          t = date(n);
          if (every === 1 || t.getUTCDay() === 1) out.push([n, t.getUTCDate() + " " + MONTHS[t.getUTCMonth()]]);
        }
      }
      return out.map(function (tick) {
        var at = x(tick[0]).toFixed(1);
        return '<line x1="' + at + '" y1="' + BASE + '" x2="' + at + '" y2="' + (TICK_Y - 10) + '"/><text x="' +
          (+at + 2).toFixed(1) + '" y="' + (TICK_Y + 6) + '">' + esc(tick[1]) + "</text>";
      }).join("");
    }

    function labels(limit) {
      var lanes = LANES.map(function () { return []; }), out = [], keys = data.keys;
      for (var i = 0; i < keys.length && out.length < limit; i++) {
        var k = keys[i], start = data.first + k[0], end = start + k[1];
        if (end < view.first || start > view.last) continue;
        var at = x(start + k[1] / 2), text = cut(k[3]), width = text.length * 7.4 + 8;
        var left = Math.min(Math.max(at - 2, 0), W - width);
        for (var lane = 0; lane < lanes.length; lane++) {
          var free = lanes[lane].every(function (s) { return left + width < s[0] || left > s[1]; });
          if (!free) continue;
          lanes[lane].push([left, left + width]);
          out.push('<a href="' + esc(root + k[2]) + '" class="key"><line x1="' + at.toFixed(1) + '" y1="' +
            (LANES[lane] + 3) + '" x2="' + at.toFixed(1) + '" y2="' + BASE + '"/><text x="' + left.toFixed(1) +
            '" y="' + LANES[lane] + '">' + esc(text) + "</text><title>" + esc(k[4] + ": " + k[3]) + "</title></a>");
          break;
        }
      }
      return out.join("");
    }

    // Wide windows: events per column, found by binary search in the sorted days: a step costs
    // COLUMNS searches whatever the number of events.
    function wide() {
      var width = (view.last + 1 - view.first) / COLUMNS, counts = [], peak = 1, bars = "", band = "", total = 0;
      for (var c = 0; c < COLUMNS; c++) {
        var a = view.first + c * width, b = view.first + (c + 1) * width;
        var n = lowerBound(days, Math.ceil(b)) - lowerBound(days, Math.ceil(a));
        counts.push(n); total += n;
        if (n > peak) peak = n;
      }
      for (c = 0; c < COLUMNS; c++) {
        if (!counts[c]) continue;
        var h = Math.max(2, Math.sqrt(counts[c] / peak) * (BASE - TOP));
        bars += "M" + (c * W / COLUMNS).toFixed(1) + " " + BASE + "v-" + h.toFixed(1) + "h" + (W / COLUMNS - 0.5).toFixed(1) +
          "v" + h.toFixed(1) + "z";
      }
      var covered = [];
      for (var i = 0; i < spans.length; i++) {
        var s0 = data.first + spans[i][0], s1 = s0 + spans[i][1];
        if (s1 < view.first || s0 > view.last) continue;
        total++;
        var c0 = Math.max(0, Math.floor((s0 - view.first) / width)), c1 = Math.min(COLUMNS - 1, Math.floor((s1 - view.first) / width));
        for (c = c0; c <= c1; c++) covered[c] = 1;
      }
      for (c = 0; c < COLUMNS; c++) if (covered[c]) band += "M" + (c * W / COLUMNS).toFixed(1) + " " + SPAN_Y + "h" + (W / COLUMNS).toFixed(1) + "v5h-" + (W / COLUMNS).toFixed(1) + "z";
      return { total: total, body: '<path class="bars bar" d="' + bars + '"/><path class="span" d="' + band + '"/>' + labels(24) };
    }

    // Short windows: every event its own mark, a link to its page, from the months' files.
    function narrow(rows) {
      var width = W / (view.last + 1 - view.first), stacks = {}, out = [], spansDrawn = 0;
      rows.forEach(function (r) {
        var title = "<title>" + esc(r[4] + ": " + r[3]) + "</title></a>", href = ' href="' + esc(root + r[2]) + '"';
        if (r[1] > r[0]) {
          var a = x(Math.max(r[0], view.first)), b = x(Math.min(r[1], view.last) + 1);
          out.push("<a" + href + '><rect class="span" x="' + a.toFixed(1) + '" y="' + (SPAN_Y - 6 * (spansDrawn++ % 2)) +
            '" width="' + Math.max(b - a, 2).toFixed(1) + '" height="5"/>' + title);
          return;
        }
        var level = stacks[r[0]] = (stacks[r[0]] || 0) + 1;
        if (level > STACK) return;
        out.push("<a" + href + '><rect class="mark" x="' + (x(r[0]) + 1).toFixed(1) + '" y="' + (BASE - 8 - (level - 1) * 7) +
          '" width="' + Math.max(width - 2, 2).toFixed(1) + '" height="6"/>' + title);
      });
      Object.keys(stacks).forEach(function (n) {
        if (stacks[n] > STACK) out.push('<text x="' + (x(+n) + 1).toFixed(1) + '" y="' + (BASE - 10 - STACK * 7) + '">+' + (stacks[n] - STACK) + "</text>");
      });
      return { total: rows.length, body: out.join("") + labels(12) };
    }

    function visibleMonths() {
      var keys = [], n = view.first;
      while (n <= view.last) {
        var key = monthKey(n), d = date(n);
        keys.push(key);
        n = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
      }
      return keys;
    }

    function rowsInView() {
      var keys = visibleMonths(), rows = [], missing = false;
      keys.forEach(function (key) {
        if (months[key] === undefined) { missing = true; load(key); return; }
        months[key].forEach(function (r) { if (r[1] >= view.first && r[0] <= view.last) rows.push(r); });
      });
      return missing ? null : rows;
    }

    function load(key) {
      if (pending[key]) return;
      pending[key] = true;
      fetch(root + "axis/" + key + ".json").then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; })
        .then(function (rows) { months[key] = rows; draw(); });
    }

    function draw() {
      var rows = view.last - view.first + 1 <= DETAIL_DAYS ? rowsInView() : null;
      var made = rows ? narrow(rows) : wide();
      frame.innerHTML = '<svg class="axis" viewBox="0 0 ' + W + " " + H + '" role="group" aria-label="' +
        esc(made.total + " events, " + dayText(view.first) + " to " + dayText(view.last)) + '" focusable="false">' +
        '<rect class="ground" width="' + W + '" height="' + H + '"/><g class="ticks">' + ticks() + "</g>" + made.body + "</svg>";
      status.textContent = dayText(view.first) + " \u2013 " + dayText(view.last) + ": " + made.total + " events" +
        (rows ? ", each a link to its page." : ", counted per column; zoom in to see them one by one.");
      fig.setAttribute("data-first", view.first);
      fig.setAttribute("data-last", view.last);
    }

    function schedule() {
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () { queued = false; draw(); });
    }

    // Zoom by ``factor`` (below 1 zooms in) around ``at`` (0 to 1 across the drawing), within the story.
    function zoom(factor, at) {
      var span = view.last + 1 - view.first, wanted = Math.max(MIN_DAYS, Math.min(whole.last + 1 - whole.first, span * factor));
      var centre = view.first + span * (at === undefined ? 0.5 : at);
      var first = Math.round(centre - wanted * (at === undefined ? 0.5 : at));
      move(first, first + Math.round(wanted) - 1);
    }
    function pan(share) {
      var span = view.last + 1 - view.first, by = Math.round(span * share) || (share > 0 ? 1 : -1);
      move(view.first + by, view.last + by);
    }
    function move(first, last) {
      var span = last - first;
      if (first < whole.first) { first = whole.first; last = first + span; }
      if (last > whole.last) { last = whole.last; first = Math.max(whole.first, last - span); }
      view.first = first; view.last = last;
      schedule();
    }

    function at(event) {
      var box = frame.getBoundingClientRect();
      return Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    }

    function start(json) {
      data = json;
      days = []; spans = json.spans;
      var n = json.first;
      for (var i = 0; i < json.gaps.length; i++) { n += json.gaps[i]; days.push(n); }
      whole = { first: json.first, last: json.last };
      document.getElementById("axis-controls").hidden = false;
      frame.tabIndex = 0;
      frame.setAttribute("aria-label", "Time axis: + and − zoom, arrow keys pan, Home shows the whole story");
      frame.setAttribute("role", "region");
      fig.addEventListener("click", function (e) {
        var button = e.target.closest("button[data-axis]");
        if (!button) return;
        var what = button.getAttribute("data-axis");
        if (what === "in") zoom(0.5); else if (what === "out") zoom(2);
        else if (what === "earlier") pan(-0.25); else if (what === "later") pan(0.25);
        else move(whole.first, whole.last);
      });
      frame.addEventListener("keydown", function (e) {
        var keys = { "+": function () { zoom(0.5); }, "=": function () { zoom(0.5); }, "-": function () { zoom(2); },
          "\u2212": function () { zoom(2); }, ArrowLeft: function () { pan(-0.1); }, ArrowRight: function () { pan(0.1); },
          ArrowUp: function () { zoom(0.5); }, ArrowDown: function () { zoom(2); },
          Home: function () { move(whole.first, whole.last); } };
        if (keys[e.key] && e.target === frame) { keys[e.key](); e.preventDefault(); }
      });
      frame.addEventListener("wheel", function (e) {
        e.preventDefault();
        zoom(Math.pow(1.0015, e.deltaY), at(e));
      }, { passive: false });
      // Drag to pan, two fingers to zoom; a press that does not move stays a click on a link.
      var pointers = {}, moved = false;
      frame.addEventListener("pointerdown", function (e) {
        pointers[e.pointerId] = { x: e.clientX, first: view.first, last: view.last };
        moved = false;
      });
      frame.addEventListener("pointermove", function (e) {
        var p = pointers[e.pointerId];
        if (!p) return;
        var ids = Object.keys(pointers), box = frame.getBoundingClientRect();
        if (ids.length === 2) {
          var other = pointers[ids[0] == e.pointerId ? ids[1] : ids[0]];
          var before = Math.abs(p.x - other.x), after = Math.abs(e.clientX - other.x);
          if (before > 10 && after > 10) { zoom(before / after, at(e)); p.x = e.clientX; moved = true; }
          return;
        }
        var shift = Math.round((p.x - e.clientX) / box.width * (p.last + 1 - p.first));
        if (Math.abs(e.clientX - p.x) > 4) moved = true;
        if (moved) { frame.setPointerCapture(e.pointerId); move(p.first + shift, p.last + shift); }
      });
      function up(e) { delete pointers[e.pointerId]; }
      frame.addEventListener("pointerup", up);
      frame.addEventListener("pointercancel", up);
      frame.addEventListener("click", function (e) {
        if (moved) { e.preventDefault(); moved = false; return; }
        // A bar of a wide window: zoom in on it rather than leave the page.
        var link = e.target.closest("a");
        if (!link && view.last - view.first + 1 > DETAIL_DAYS) zoom(0.25, at(e));
      }, true);
      draw();
    }

    fetch(fig.getAttribute("data-data")).then(function (r) { return r.json(); }).then(start)
      .catch(function () { status.textContent += " (The zoomable view could not load its data.)"; });
  }

  // The page's own drawing is painted first; the script takes it over after that frame, so that
  // the page shows at once however many events the story holds.
  requestAnimationFrame(function () { setTimeout(takeOver, 0); });
})();
