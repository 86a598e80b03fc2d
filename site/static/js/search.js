// Offline search for the search page. It reads the site's own index in
// /zoekindex/ (built by chatcontrole, src/render/search/): a small table of
// chunks, the chunk that holds each typed word, and the short texts of the
// pages it shows, nothing else. The query never leaves the visitor's device.
// Without JavaScript the form stays hidden and the page lists the site's
// sections instead. What the search says comes from the form's data-text-*
// attributes, which the template fills in the page's language.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !results || !status) return;
  var SHOWN = 10;
  // The words that start with a typed word are looked up in at most this
  // many chunks (the one the word falls in and those right after it).
  var PREFIX_CHUNKS = 3;
  var MAX_WORD_LENGTH = 40;
  var bundle = form.getAttribute("data-bundle");
  var siteBase = form.getAttribute("data-base");
  var meta = null;
  var chunks = {};
  var latest = 0;

  // The page's words for `name` (the form's data-text-<name>), with the
  // Hugo-style placeholders the build left in them ({{ .Query }}) filled
  // from `values`, whose keys are lower case.
  var PLACEHOLDER = /\{\{-?\s*\.?(\w*)\s*-?\}\}/g;
  function say(name, values) {
    var text = form.getAttribute("data-text-" + name) || "";
    return text.replace(PLACEHOLDER, function (whole, key) {
      var k = key.toLowerCase();
      return values && Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : whole;
    });
  }

  // Items as a sentence in the page's language lists them ("a, b en c").
  function sentenceList(items) {
    if (typeof Intl !== "undefined" && Intl.ListFormat) {
      try {
        return new Intl.ListFormat(document.documentElement.lang || undefined, { type: "conjunction" }).format(items);
      } catch (e) { /* an unknown language tag: plain commas below */ }
    }
    return items.join(", ");
  }

  // The same rules as the build (src/render/search/words.rs): accents off,
  // lower case, split on everything that is neither a letter nor a digit.
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  function normal(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return (normal(text).match(WORD) || []).filter(function (w) {
      return Array.from(w).length <= MAX_WORD_LENGTH;
    });
  }

  function fetchJson(path, fresh) {
    // Every file but the table carries the build's version, so a visitor
    // never mixes the files of two builds.
    var url = bundle + path + (fresh ? "" : "?v=" + encodeURIComponent(meta.version));
    return fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function loadMeta() {
    if (meta) return Promise.resolve(meta);
    return fetchJson("meta.json", true).then(function (m) { meta = m; return m; });
  }

  function loadChunk(i) {
    if (!chunks[i]) {
      chunks[i] = fetchJson(meta.chunks[i][1], false);
      chunks[i].catch(function () { delete chunks[i]; });
    }
    return chunks[i];
  }

  // The chunks that may hold `word` or words starting with it.
  function chunksFor(word) {
    var lo = 0, hi = meta.chunks.length - 1, at = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (meta.chunks[mid][0] <= word) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    var wanted = [at];
    for (var next = at + 1; next < meta.chunks.length && wanted.length < PREFIX_CHUNKS &&
         meta.chunks[next][0].indexOf(word) === 0; next++) {
      wanted.push(next);
    }
    return wanted;
  }

  // What one typed word matches in the loaded chunks: the stem of the word
  // itself (full weight) and the stems of the words that start with it
  // (half weight), each with its pages; and the word forms to mark.
  function match(word, loaded) {
    var has = Object.prototype.hasOwnProperty;
    var exact = null;
    loaded.forEach(function (chunk) {
      if (has.call(chunk.words, word)) exact = chunk.words[word];
    });
    var stems = {};
    loaded.forEach(function (chunk) {
      Object.keys(chunk.words).forEach(function (form) {
        var stem = chunk.words[form];
        if (stem === exact) {
          stems[stem] = { factor: 1, list: chunk.stems[stem] || [] };
        } else if (form.indexOf(word) === 0 && !has.call(stems, stem)) {
          stems[stem] = { factor: 0.5, list: chunk.stems[stem] || [] };
        }
      });
    });
    var forms = {};
    loaded.forEach(function (chunk) {
      Object.keys(chunk.words).forEach(function (form) {
        if (has.call(stems, chunk.words[form])) forms[form] = true;
      });
    });
    var pages = {};
    Object.keys(stems).forEach(function (stem) {
      var list = stems[stem].list;
      var page = 0;
      for (var i = 0; i + 1 < list.length; i += 2) {
        page += list[i];
        pages[page] = (pages[page] || 0) + list[i + 1] * stems[stem].factor;
      }
    });
    return { pages: pages, forms: forms, prefix: word };
  }

  // Matches `term`; a longer word the site does not use at all (a plural,
  // a typing error at the end) is tried again without its last letters,
  // at most FALLBACK_LETTERS of them, as the start of words.
  var FALLBACK_LETTERS = 4;
  var FALLBACK_SHORTEST = 5;
  function matchTerm(term) {
    var letters = Array.from(term);
    var shortest = Math.max(FALLBACK_SHORTEST, letters.length - FALLBACK_LETTERS);
    function attempt(length) {
      var word = letters.slice(0, length).join("");
      return Promise.all(chunksFor(word).map(loadChunk)).then(function (loaded) {
        var m = match(word, loaded);
        if (Object.keys(m.pages).length || length <= shortest) return m;
        return attempt(length - 1);
      });
    }
    return attempt(letters.length);
  }

  function search(query) {
    var terms = words(query).filter(function (w, i, all) { return all.indexOf(w) === i; });
    var none = { found: 0, pages: [], forms: {}, terms: terms, shortened: [] };
    if (!terms.length) return Promise.resolve(none);
    return loadMeta().then(function () {
      if (!meta.chunks.length) return null;
      return Promise.all(terms.map(matchTerm));
    }).then(function (matches) {
      if (!matches) return none;
      var scores = null;
      var forms = {};
      var prefixes = matches.map(function (m) { return m.prefix; });
      var shortened = prefixes.filter(function (p, i) { return p !== terms[i]; });
      matches.forEach(function (m) {
        var count = Object.keys(m.pages).length;
        var rarity = Math.log(1 + meta.pages / Math.max(count, 1));
        var next = {};
        Object.keys(m.pages).forEach(function (page) {
          if (scores === null || Object.prototype.hasOwnProperty.call(scores, page)) {
            next[page] = (scores === null ? 0 : scores[page]) + m.pages[page] * rarity;
          }
        });
        scores = next;
        Object.keys(m.forms).forEach(function (f) { forms[f] = true; });
      });
      var ranked = Object.keys(scores).map(Number).sort(function (a, b) {
        return scores[b] - scores[a] || a - b;
      });
      return Promise.all(ranked.slice(0, SHOWN).map(function (page) {
        return fetchJson("pagina/" + page + ".json", false);
      })).then(function (pages) {
        return { found: ranked.length, pages: pages, forms: forms, terms: prefixes, shortened: shortened };
      });
    });
  }

  function matches(token, found) {
    var w = normal(token);
    return Object.prototype.hasOwnProperty.call(found.forms, w) ||
      found.terms.some(function (t) { return w.indexOf(t) === 0; });
  }

  // A piece of the page's text around the first word found, as text nodes
  // and <mark> elements (never as HTML).
  function excerpt(text, found) {
    var tokens = [];
    var re = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) tokens.push({ at: m.index, end: m.index + m[0].length, hit: matches(m[0], found) });
    var first = tokens.findIndex(function (t) { return t.hit; });
    var from = first < 0 ? 0 : Math.max(0, first - 12);
    var to = Math.min(tokens.length, from + 40);
    var p = document.createElement("p");
    if (!tokens.length) return p;
    // Start at the beginning of a word as written ("programma's", not "s").
    var start = from > 0 ? text.lastIndexOf(" ", tokens[from].at) + 1 : tokens[from].at;
    var end = tokens[to - 1].end;
    if (from > 0) p.appendChild(document.createTextNode("\u2026 "));
    var at = start;
    for (var i = from; i < to; i++) {
      if (!tokens[i].hit) continue;
      p.appendChild(document.createTextNode(text.slice(at, tokens[i].at)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(tokens[i].at, tokens[i].end);
      p.appendChild(mark);
      at = tokens[i].end;
    }
    p.appendChild(document.createTextNode(text.slice(at, end) + (to < tokens.length ? " \u2026" : "")));
    return p;
  }

  function show(query, found) {
    results.textContent = "";
    var shown = found.pages.length;
    status.textContent = found.found === 0
      ? say("none", { query: query })
      : found.found === 1
        ? say("one", { count: 1, query: query })
        : say("other", { count: found.found, query: query }) +
          (found.found > shown ? say("first", { count: shown }) : "");
    if (found.found > 0 && found.shortened.length) {
      status.textContent += say("prefixes", { words: sentenceList(found.shortened.map(function (w) {
        return "\u201c" + w + "\u201d";
      })) });
    }
    found.pages.forEach(function (page) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = siteBase + page.url.replace(/^\//, "");
      a.textContent = page.title || page.url;
      li.appendChild(a);
      if (page.text) li.appendChild(excerpt(page.text, found));
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
    status.textContent = say("busy");
    search(query)
      .then(function (found) {
        if (ticket === latest) show(query, found);
      })
      .catch(function () {
        if (ticket === latest) {
          status.textContent = say("failed");
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
