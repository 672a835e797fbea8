// Search over the Pagefind index the build writes into pagefind/: one bundle per
// shard of consecutive events, listed newest first in pagefind/shards.json. The
// first is loaded, the others merged into it, each tagged with a "shard" filter.
// Results are built as DOM nodes, never as HTML strings: titles and excerpts come
// from articles and are untrusted. The query and filters live in the URL.
const root = new URL("../", import.meta.url);
const form = document.getElementById("search");
const input = document.getElementById("q");
const status = document.getElementById("search-status");
const list = document.getElementById("results");
const selects = Array.from(form.querySelectorAll("select[data-filter]"));
const MAX_RESULTS = 50;
const BY_DATE = { date: "desc" };

let pagefind = null;
let shards = [];
try {
  shards = await (await fetch(new URL("pagefind/shards.json", root))).json();
  if (!shards.length) throw new Error("an empty index");
  pagefind = await import(new URL(`pagefind/${shards[0]}/pagefind.js`, root).href);
  await pagefind.options({ baseUrl: root.pathname, mergeFilter: { shard: shards[0] } });
  await pagefind.init();
  await Promise.all(shards.slice(1).map((shard) => pagefind.mergeIndex(
    new URL(`pagefind/${shard}/`, root).pathname, { baseUrl: root.pathname, mergeFilter: { shard } })));
} catch (error) {
  pagefind = null;
}

// Pagefind merges the results of several bundles by score, and in a search sorted by
// date a score is only the rank within its own bundle. Shards hold consecutive
// events, so the results are theirs taken one shard after another, newest first.
async function byDate(filters) {
  const found = await pagefind.search(null, { filters, sort: BY_DATE });
  const counts = found.filters.shard || {};
  const results = [];
  for (const shard of shards) {
    if (results.length >= MAX_RESULTS) break;
    if (!counts[shard]) continue;
    const part = await pagefind.search(null, { filters: { ...filters, shard }, sort: BY_DATE });
    results.push(...part.results);
  }
  return { results, count: found.results.length };
}

// Pagefind marks matches with <mark>; keep those as elements and everything else as text.
function excerptNodes(excerpt) {
  const nodes = [];
  excerpt.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === "<mark>") return true;
    if (part === "</mark>") return false;
    const text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
    if (marked) {
      const mark = document.createElement("mark");
      mark.appendChild(text);
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
    return marked;
  }, false);
  return nodes;
}

// The page lists each filter's values; a page that does not (a maintainer's own
// template) gets them from the index, which loads a file per filter from every shard.
async function fillFilters() {
  const empty = selects.filter((select) => select.options.length <= 1);
  if (!empty.length) return;
  const filters = await pagefind.filters();
  for (const select of empty) {
    const values = Object.keys(filters[select.dataset.filter] || {}).sort();
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    }
  }
}

async function run(updateUrl) {
  const query = input.value.trim();
  const filters = {};
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of selects) {
    if (select.value) {
      filters[select.dataset.filter] = select.value;
      params.set(select.name, select.value);
    }
  }
  if (updateUrl) {
    const search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }
  list.replaceChildren();
  if (!query && !Object.keys(filters).length) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const found = query ? await pagefind.search(query, { filters }) : await byDate(filters);
  const page = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  for (const data of page) {
    const li = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.meta.date) {
      const when = document.createElement("p");
      when.className = "meta";
      when.textContent = data.meta.date;
      li.appendChild(when);
    }
    const excerpt = document.createElement("p");
    excerpt.append(...excerptNodes(data.excerpt || ""));
    li.appendChild(excerpt);
    list.appendChild(li);
  }
  const n = found.count ?? found.results.length;
  status.textContent = n === 0 ? "No events found." : n + (n === 1 ? " event found" : " events found") +
    (n > MAX_RESULTS ? ", showing the first " + MAX_RESULTS + "." : ".");
}

if (pagefind) {
  form.hidden = false;
  status.textContent = "";
  await fillFilters();
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) select.value = params.get(select.name) || "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  for (const select of selects) select.addEventListener("change", () => run(true));
  await run(false);
} else {
  status.textContent = "Search is not available here (it needs the site served over HTTP with its index). Browse by month, type or actor instead.";
}
