// Contact tool: turns the list of prepared mailto: links into an editor.
// Choose a recipient, change the text, and the button opens the visitor's
// own mail program with it. Nothing is sent to or stored by the website.
// Without this script the links in the list work on their own.
(function () {
  "use strict";
  var editor = document.querySelector("[data-contact-editor]");
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-recipient]"));
  if (!editor || !links.length) return;
  var to = document.getElementById("contact-to");
  var address = document.getElementById("contact-address");
  var subject = document.getElementById("contact-subject");
  var body = document.getElementById("contact-body");
  var send = document.getElementById("contact-send");

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  // mailto:to?subject=...&body=... as written by the build (RFC 6068).
  function parse(href) {
    var q = href.indexOf("?");
    var result = { to: decode(href.slice(7, q < 0 ? href.length : q)), subject: "", body: "" };
    if (q >= 0) {
      href.slice(q + 1).split("&").forEach(function (pair) {
        var i = pair.indexOf("=");
        var key = pair.slice(0, i);
        if (key === "subject" || key === "body") result[key] = decode(pair.slice(i + 1));
      });
    }
    result.body = result.body.replace(/\r\n/g, "\n");
    return result;
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function update() {
    var addresses = address.value.split(",").map(function (a) {
      return encode(a.trim()).replace(/%40/g, "@");
    }).filter(Boolean);
    send.href = "mailto:" + addresses.join(",") + "?subject=" + encode(subject.value) +
      "&body=" + encode(body.value.replace(/\r?\n/g, "\r\n"));
  }

  function choose() {
    var link = links[Number(to.value)];
    if (!link) return;
    var m = parse(link.getAttribute("href"));
    address.value = m.to;
    subject.value = m.subject;
    body.value = m.body;
    update();
  }

  var groups = {};
  links.forEach(function (link, i) {
    var name = link.getAttribute("data-group") || "";
    if (!groups[name]) {
      groups[name] = document.createElement("optgroup");
      groups[name].label = name;
      to.appendChild(groups[name]);
    }
    var option = document.createElement("option");
    option.value = String(i);
    option.textContent = link.textContent.replace(/^Mail /, "");
    groups[name].appendChild(option);
  });

  to.addEventListener("change", choose);
  [address, subject, body].forEach(function (field) {
    field.addEventListener("input", update);
  });
  editor.hidden = false;
  choose();
})();
