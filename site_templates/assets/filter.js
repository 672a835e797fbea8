// Filters on the home page. Without this script the links lead to the actor,
// type and archive pages. With it, a filter covers the whole timeline, not the
// one page on screen: the script reads the filter's index (filters/<kind>/<slug>.json,
// see timeline/render/filterindex.py), then only the chunks of events it needs,
// and lists the matches in place of the page. The choice lives in the URL
// (?actor=…&type=…&year=…&from=…&to=…) so it can be shared.
(function () {
  "use strict";
  var nav = document.getElementById("filters");
  if (!nav || !window.fetch) return;
  var root = nav.getAttribute("data-root") || "";
  var listing = document.getElementById("listing");
  var results = document.getElementById("filter-results");
  var more = document.getElementById("filter-more");
  var form = document.getElementById("range");
  var from = document.getElementById("from");
  var to = document.getElementById("to");
  var status = document.getElementById("filter-status");
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var PAGE = 100; // matches shown before "Show more"
  var keys = ["actor", "type", "year", "from", "to"];
  var state = {};
  var run = null; // the search in progress; a newer one makes it stop

  function read() {
    var params = new URLSearchParams(window.location.search);
    keys.forEach(function (k) { state[k] = params.get(k) || ""; });
  }

  function write() {
    var params = new URLSearchParams();
    keys.forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function getJSON(path) {
    return fetch(root + "filters/" + path + ".json").then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + path);
      return r.json();
    });
  }

  // The months a filter allows, as inclusive "YYYY-MM" bounds ("" is open).
  function bounds() {
    var lo = state.from, hi = state.to;
    if (state.year) {
      if (!lo || lo < state.year + "-01") lo = state.year + "-01";
      if (!hi || hi > state.year + "-12") hi = state.year + "-12";
    }
    return [lo, hi];
  }

  function inRange(month, b) {
    if (month === "undated") return !b[0] && !b[1];
    return (!b[0] || month >= b[0]) && (!b[1] || month <= b[1]);
  }

  function monthLabel(key) {
    var parts = key.split("-");
    return parts.length === 2 ? MONTHS[+parts[1] - 1] + " " + parts[0] : "Undated";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text; // article text: never parsed as HTML
    return node;
  }

  // One event as a line, grouped under its month like the listing it replaces.
  function add(entry) {
    var month = entry[1];
    var last = results.lastElementChild;
    if (!last || last.getAttribute("data-month") !== month) {
      last = el("section", "month");
      last.setAttribute("data-month", month);
      last.appendChild(el("h3", "month-h", monthLabel(month)));
      last.appendChild(el("ol", "events lines"));
      results.appendChild(last);
    }
    var li = el("li", "event");
    li.setAttribute("data-month", month);
    li.setAttribute("data-type", entry[5]);
    var when = el(entry[2] ? "time" : "span", "", entry[3]);
    if (entry[2]) when.setAttribute("datetime", entry[2]);
    li.appendChild(when);
    if (entry[6]) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "badge", "scheduled")); }
    li.appendChild(document.createTextNode(": "));
    var a = el("a", "", entry[4]);
    a.href = root + "events/" + entry[0] + ".html";
    li.appendChild(a);
    last.lastElementChild.appendChild(li);
  }

  function search() {
    var b = bounds();
    var job = { shown: 0, chunk: 0, head: null, path: state.actor ? "actor/" + state.actor
      : state.type ? "type/" + state.type : "all" };
    run = job;
    results.textContent = "";
    status.textContent = "Loading…";
    function wanted(i) {
      var span = job.head.chunks[i].slice().sort();
      return (!b[1] || span[0] <= b[1]) && (!b[0] || span[1] >= b[0]);
    }
    function next(limit) {
      while (job.chunk < job.head.chunks.length && !wanted(job.chunk)) job.chunk += 1;
      var done = job.chunk >= job.head.chunks.length;
      if (done || job.shown >= limit) {
        more.hidden = done;
        status.textContent = job.shown ? "Showing " + job.shown + (done ? "" : " so far") +
          " matching events from the whole timeline." : "No event matches these filters.";
        return;
      }
      job.chunk += 1;
      getJSON(job.path + "." + job.chunk).then(function (entries) {
        if (run !== job) return;
        entries.forEach(function (e) {
          if ((!state.actor || !state.type || e[5] === state.type) && inRange(e[1], b)) {
            add(e);
            job.shown += 1;
          }
        });
        next(limit);
      }, fail);
    }
    job.more = function () { more.hidden = true; next(job.shown + PAGE); };
    getJSON(job.path).then(function (head) {
      if (run !== job) return;
      job.head = head;
      next(PAGE);
    }, fail);
  }

  function fail() {
    // Served from the file system, fetch() is refused: the links still lead to the pages.
    status.textContent = "Filtering needs the site served over HTTP; the links above lead to the actor and type pages.";
  }

  function apply() {
    nav.querySelectorAll("a[data-filter]").forEach(function (a) {
      if (state[a.getAttribute("data-filter")] === a.getAttribute("data-value")) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    from.value = state.from;
    to.value = state.to;
    var active = keys.some(function (k) { return state[k]; });
    listing.hidden = active;
    results.hidden = !active;
    more.hidden = true;
    if (active) search();
    else { run = null; results.textContent = ""; status.textContent = ""; }
  }

  nav.addEventListener("click", function (event) {
    var a = event.target.closest("a[data-filter]");
    if (!a) return;
    event.preventDefault();
    var key = a.getAttribute("data-filter");
    var value = a.getAttribute("data-value");
    state[key] = state[key] === value ? "" : value;
    write();
    apply();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.from = from.value;
    state.to = to.value;
    write();
    apply();
  });

  document.getElementById("filter-clear").addEventListener("click", function () {
    keys.forEach(function (k) { state[k] = ""; });
    write();
    apply();
  });

  more.addEventListener("click", function () { if (run) run.more(); });

  form.hidden = false;
  read();
  apply();
})();
