// Offline search for the search page. It loads pagefind.js from this site,
// which fetches only the small pieces of the index a query needs; the query
// never leaves the visitor's device. Without JavaScript the form stays
// hidden and the page lists the site's sections instead.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !results || !status) return;
  var SHOWN = 10;
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      var bundle = form.getAttribute("data-bundle");
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        // In the page itself, not a worker: one context, every fetch in the
        // page's own resource timing, and nothing more to download.
        var settings = { basePath: bundle, baseUrl: form.getAttribute("data-base"), noWorker: true };
        return Promise.resolve(pagefind.options(settings)).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // Copies pagefind's excerpt (text with <mark> around the words found)
  // as text nodes and <mark> elements only, never as HTML.
  function excerpt(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString(html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function show(query, found, pages) {
    results.textContent = "";
    status.textContent = found === 1
      ? "1 resultaat voor \u201c" + query + "\u201d"
      : found + " resultaten voor \u201c" + query + "\u201d" +
        (found > pages.length ? ", de eerste " + pages.length + " staan hieronder" : "");
    pages.forEach(function (page) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = page.url;
      a.textContent = (page.meta && page.meta.title) || page.url;
      li.appendChild(a);
      if (page.excerpt) li.appendChild(excerpt(page.excerpt));
      results.appendChild(li);
    });
  }

  function run(query) {
    var ticket = ++latest;
    results.textContent = "";
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = "Zoeken\u2026";
    load()
      .then(function (pagefind) { return pagefind.search(query); })
      .then(function (search) {
        var hits = search ? search.results : [];
        return Promise.all(hits.slice(0, SHOWN).map(function (hit) { return hit.data(); }))
          .then(function (pages) {
            if (ticket === latest) show(query, hits.length, pages);
          });
      })
      .catch(function () {
        if (ticket === latest) {
          status.textContent = "De zoekindex kon niet worden geladen. Probeer het later opnieuw.";
        }
      });
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url);
    run(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
})();
