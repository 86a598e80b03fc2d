// Contact tool: turns the lists of prepared mailto: links into a form.
// Choose a recipient (one person, a whole faction, the committee, the
// minister, the MEPs), change the text, and the button opens the visitor's
// own mail program with it; webmail users copy the addresses and the text.
// Nothing is sent to or stored by the website. Without this script the
// links and the plain text blocks in the lists work on their own.
(function () {
  "use strict";
  var editor = document.querySelector("[data-contact-editor]");
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-recipient]"));
  if (!editor || !links.length) return;
  var to = document.getElementById("contact-to");
  var note = document.getElementById("contact-note");
  var address = document.getElementById("contact-address");
  var bcc = document.getElementById("contact-bcc");
  var bccRow = document.getElementById("contact-bcc-row");
  var subject = document.getElementById("contact-subject");
  var body = document.getElementById("contact-body");
  var kept = document.getElementById("contact-kept");
  var reset = document.getElementById("contact-reset");
  var send = document.getElementById("contact-send");
  var plain = document.getElementById("contact-plain");
  var status = document.getElementById("copy-status");
  // The text last prepared by the site, to tell the visitor's edits from it.
  var prepared = { subject: "", body: "", greeting: "" };

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

  function addresses() {
    return address.value.split(/[,;\s]+/).map(function (a) { return a.trim(); }).filter(Boolean);
  }

  // The link: the addresses in "to" or, when the visitor asks for BCC, in
  // the "bcc" field of the mailto: link (RFC 6068), so that the recipients
  // do not see each other's address.
  function update() {
    var list = addresses().map(function (a) { return encode(a).replace(/%40/g, "@"); }).join(",");
    var fields = "subject=" + encode(subject.value) + "&body=" + encode(body.value.replace(/\r?\n/g, "\r\n"));
    var chosen = to.value !== "";
    // BCC only matters when the message goes to several people.
    bccRow.hidden = addresses().length < 2;
    if (chosen) {
      send.href = bcc.checked && !bccRow.hidden
        ? "mailto:?bcc=" + list + "&" + fields
        : "mailto:" + list + "?" + fields;
      send.removeAttribute("aria-disabled");
    } else {
      send.removeAttribute("href");
      send.setAttribute("aria-disabled", "true");
    }
    plain.value = chosen
      ? "Aan: " + addresses().join(", ") + "\nOnderwerp: " + subject.value + "\n\n" + body.value
      : "";
  }

  function showNote(link) {
    note.textContent = "";
    var id = link && link.getAttribute("data-note");
    var source = id && document.getElementById(id);
    if (source) {
      var p = document.createElement("p");
      for (var n = source.firstChild; n; n = n.nextSibling) p.appendChild(n.cloneNode(true));
      note.appendChild(p);
    }
  }

  // A new recipient: their addresses and greeting. Text the visitor has
  // not changed is replaced by the new prepared text; changed text is kept
  // and only its first line, the greeting, follows the new recipient.
  function choose() {
    var link = links[Number(to.value)];
    if (to.value === "" || !link) {
      showNote(null);
      update();
      return;
    }
    var m = parse(link.getAttribute("href"));
    var greeting = link.getAttribute("data-greeting") || "";
    address.value = m.to.split(",").filter(Boolean).join(", ");
    var edited = body.value !== "" && body.value !== prepared.body;
    if (edited) {
      var lines = body.value.split("\n");
      if (prepared.greeting && lines[0] === prepared.greeting) lines[0] = greeting;
      body.value = lines.join("\n");
      kept.hidden = false;
    } else {
      body.value = m.body;
      kept.hidden = true;
    }
    if (subject.value === "" || subject.value === prepared.subject) subject.value = m.subject;
    prepared = { subject: m.subject, body: m.body, greeting: greeting };
    showNote(link);
    update();
  }

  // Copy to the clipboard; where the browser does not allow it, select the
  // text in `field` and copy that.
  function copy(text, field, what) {
    function done() { status.textContent = what + " gekopieerd."; }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? what + " gekopieerd." : "Kopiëren lukte niet: de tekst is geselecteerd, kopieer hem zelf.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
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
    option.textContent = (link.getAttribute("data-label") || link.textContent.replace(/^Mail /, "")) +
      (link.hasAttribute("data-note") ? " (adres onbekend)" : "");
    groups[name].appendChild(option);
  });
  if (document.querySelector("[data-committee-unknown]")) {
    var unknown = document.createElement("option");
    unknown.disabled = true;
    unknown.textContent = "Commissie Justitie en Veiligheid: leden niet bekend in onze lijst";
    var first = to.querySelector("optgroup");
    to.insertBefore(unknown, first);
  }

  to.addEventListener("change", choose);
  [address, subject, body].forEach(function (field) {
    field.addEventListener("input", update);
  });
  bcc.addEventListener("change", update);
  reset.addEventListener("click", function () {
    body.value = prepared.body;
    subject.value = prepared.subject;
    kept.hidden = true;
    update();
    body.focus();
  });
  send.addEventListener("click", function (event) {
    if (!send.hasAttribute("href")) {
      event.preventDefault();
      to.focus();
    }
  });
  document.getElementById("copy-addresses").addEventListener("click", function () {
    copy(addresses().join(", "), address, "Adressen");
  });
  document.getElementById("copy-message").addEventListener("click", function () {
    copy("Onderwerp: " + subject.value + "\n\n" + body.value, plain, "Bericht");
  });
  editor.hidden = false;
  choose();
})();
