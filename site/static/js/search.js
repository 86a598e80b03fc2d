// Offline search for the search page: loads /search-index.json from this site
// and searches it in the browser. The query never leaves the visitor's device.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !results || !status) return;
  var index = null;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(form.getAttribute("data-index"))
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (entries) {
        index = entries.map(function (e) {
          e.foldedTitle = fold(e.title);
          e.foldedText = fold(e.title + " " + e.summary + " " + e.text);
          return e;
        });
        return index;
      });
  }

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      if (entry.foldedText.indexOf(term) === -1) return 0;
      total += entry.foldedTitle.indexOf(term) !== -1 ? 10 : 0;
      total += entry.foldedText.split(term).length - 1;
    }
    return total;
  }

  function show(query, entries) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    var hits = entries
      .map(function (e) { return { entry: e, score: score(e, terms) }; })
      .filter(function (h) { return h.score > 0; })
      .sort(function (a, b) { return b.score - a.score || (b.entry.date || "").localeCompare(a.entry.date || ""); })
      .slice(0, 50);
    status.textContent = hits.length === 1
      ? "1 resultaat voor \u201c" + query + "\u201d"
      : hits.length + " resultaten voor \u201c" + query + "\u201d";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.entry.url;
      a.textContent = hit.entry.title;
      li.appendChild(a);
      if (hit.entry.date_display) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = hit.entry.date_display;
        li.appendChild(meta);
      }
      if (hit.entry.summary) {
        var p = document.createElement("p");
        p.textContent = hit.entry.summary;
        li.appendChild(p);
      }
      results.appendChild(li);
    });
  }

  function run(query) {
    status.textContent = "Zoeken\u2026";
    load().then(function (entries) { show(query, entries); }, function () {
      status.textContent = "De zoekindex kon niet worden geladen. Probeer het later opnieuw.";
    });
  }

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
    run(initial);
  }
})();
