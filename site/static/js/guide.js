// Voting guide: filter the overview by verdict and kieskring in place, and
// sort it by name or verdict. Without this script the page still works: the
// filter links open server-rendered pages and the table is sorted by name.
(function () {
  "use strict";
  var table = document.querySelector("[data-guide-table]");
  var filters = document.querySelector("[data-guide-filters]");
  if (!table || !filters) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.querySelector("[data-guide-count]");

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function select(id, label, first, links, attr) {
    var wrap = document.createElement("div");
    var l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = label;
    var s = document.createElement("select");
    s.id = id;
    s.appendChild(option("", first));
    links.forEach(function (a) {
      s.appendChild(option(a.getAttribute(attr), a.getAttribute("data-label")));
    });
    wrap.appendChild(l);
    wrap.appendChild(s);
    return { wrap: wrap, select: s };
  }

  function inDistrict(spec, number) {
    if (!number || spec === "all" || spec.indexOf("count:") === 0) return true;
    var except = spec.replace("except:", "").split(",");
    return except.indexOf(number) < 0;
  }

  var verdictLinks = Array.prototype.slice.call(filters.querySelectorAll("a[data-verdict]"));
  var districtLinks = Array.prototype.slice.call(filters.querySelectorAll("a[data-district]"));
  var form = document.createElement("form");
  form.className = "guide-filter-form";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Partijen filteren");
  var verdict = select("guide-verdict", "Oordeel", "Alle oordelen", verdictLinks, "data-verdict");
  var district = select("guide-district", "Kieskring", "Alle kieskringen", districtLinks, "data-district");
  form.appendChild(verdict.wrap);
  form.appendChild(district.wrap);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function apply() {
    var v = verdict.select.value;
    var d = district.select.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!v || row.getAttribute("data-verdict") === v) &&
        inDistrict(row.getAttribute("data-districts"), d);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    if (count) count.textContent = shown + (shown === 1 ? " partij" : " partijen") + " getoond";
  }
  verdict.select.addEventListener("change", apply);
  district.select.addEventListener("change", apply);

  Array.prototype.slice.call(filters.children).forEach(function (child) {
    if (child.tagName !== "H2") child.hidden = true;
  });
  filters.appendChild(form);

  // Sorting: the column headers become buttons. Names compare by their
  // data-name key, in the same order as the server lists them.
  function compare(x, y) {
    return x < y ? -1 : x > y ? 1 : 0;
  }

  Array.prototype.slice.call(table.tHead.rows[0].cells).forEach(function (th) {
    var key = th.getAttribute("data-sort");
    if (!key) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.slice.call(table.tHead.rows[0].cells).forEach(function (c) {
        c.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key);
        var y = b.getAttribute("data-" + key);
        var byKey = key === "rank" ? Number(x) - Number(y) : compare(x, y);
        if (byKey === 0) byKey = compare(a.getAttribute("data-name"), b.getAttribute("data-name"));
        return ascending ? byKey : -byKey;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
