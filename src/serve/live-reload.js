// Live preview of `chatcontrole serve`: reloads the page after each rebuild
// and shows build errors over the page until they are fixed. Only `serve`
// adds this script to pages; it is never part of the built site. It builds
// the error panel with DOM methods and textContent only, so it works under
// the site's Content-Security-Policy and cannot inject markup.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource || !window.JSON) return;
  var build = script.getAttribute("data-build");
  var source = new EventSource(script.getAttribute("data-events"));
  var PANEL_ID = "chatcontrole-build-errors";

  source.addEventListener("hello", function (event) {
    var data = JSON.parse(event.data);
    if (data.build !== build) window.location.reload();
  });
  source.addEventListener("reload", function () {
    window.location.reload();
  });
  source.addEventListener("errors", function (event) {
    showErrors(JSON.parse(event.data));
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });

  function element(name, text, className) {
    var el = document.createElement(name);
    if (text) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  // Text with `code` between backticks, as the diagnostics write it.
  function withCode(name, text, className) {
    var el = element(name, null, className);
    String(text).split("`").forEach(function (part, i) {
      if (!part) return;
      el.appendChild(i % 2 ? element("code", part) : document.createTextNode(part));
    });
    return el;
  }

  function place(problem, words) {
    var where = problem.file;
    if (problem.line > 0) {
      where += ", " + words.line + " " + problem.line;
      if (problem.column > 0) where += ", " + words.column + " " + problem.column;
    }
    return where;
  }

  function showErrors(report) {
    var old = document.getElementById(PANEL_ID);
    if (old) old.parentNode.removeChild(old);

    var words = report.words;
    var panel = element("section", null, "build-errors");
    panel.id = PANEL_ID;
    panel.lang = report.language;
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", PANEL_ID + "-title");
    var title = element("h1", words.title);
    title.id = PANEL_ID + "-title";
    title.tabIndex = -1;
    panel.appendChild(title);
    panel.appendChild(element("p", (report.errors === 1 ? words.one : words.many.replace("{n}", report.errors)) +
      " " + words.what_now));

    var list = element("ol");
    report.problems.forEach(function (problem) {
      var item = element("li");
      var heading = element("h2", (problem.severity === "error" ? words.error_in : words.warning_in) + " " + place(problem, words));
      item.appendChild(heading);
      item.appendChild(withCode("p", problem.message, "build-message"));
      if (problem.hint) item.appendChild(withCode("p", words.hint + " " + problem.hint));
      if (problem.code) item.appendChild(withCode("p", words.code + ": `" + problem.code + "`", "build-code"));
      list.appendChild(item);
    });
    panel.appendChild(list);

    // The stale page stays underneath, out of reach of keyboard and screen reader.
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (child.tagName !== "SCRIPT") {
        child.setAttribute("inert", "");
        child.setAttribute("aria-hidden", "true");
      }
    });
    document.body.appendChild(panel);
    title.focus();
  }
})();
