// Filters on the home page: the links work without this script (they lead to
// the actor, type and archive pages); with it, they narrow the list in place
// and the choice is kept in the URL (?actor=…&type=…&from=…&to=…) so it can be shared.
(function () {
  "use strict";
  var nav = document.getElementById("filters");
  if (!nav) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var form = document.getElementById("range");
  var from = document.getElementById("from");
  var to = document.getElementById("to");
  var status = document.getElementById("filter-status");
  var keys = ["actor", "type", "year", "from", "to"];
  var state = {};

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

  function matches(li) {
    var month = li.getAttribute("data-month");
    if (state.actor && (" " + li.getAttribute("data-actors") + " ").indexOf(" " + state.actor + " ") < 0) return false;
    if (state.type && li.getAttribute("data-type") !== state.type) return false;
    if (state.year && month.slice(0, 4) !== state.year) return false;
    if (state.from && month < state.from) return false;
    if (state.to && month > state.to) return false;
    return true;
  }

  function apply() {
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    // Hide month and year headings left without a visible event.
    document.querySelectorAll("section.month, section.year").forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    nav.querySelectorAll("a[data-filter]").forEach(function (a) {
      if (state[a.getAttribute("data-filter")] === a.getAttribute("data-value")) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    from.value = state.from;
    to.value = state.to;
    var active = keys.some(function (k) { return state[k]; });
    status.textContent = active ? "Showing " + shown + " of " + items.length + " events on this page." : "";
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

  form.hidden = false;
  read();
  apply();
})();
