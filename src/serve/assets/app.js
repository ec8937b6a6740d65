// foikit serve: progressive enhancement only. Without this file every form
// still works by posting to the server; with it, the case form is checked as
// the clerk types (errors, validator notes, the letter's preview) and the due
// date follows the received date. Nothing is fetched from anywhere else.
(function () {
  "use strict";
  var form = document.getElementById("case-form");
  if (!form) return;
  var timer = null;
  var seq = 0;

  function params(extra) {
    var p = new URLSearchParams(new FormData(form));
    p.delete("_action");
    if (extra) Object.keys(extra).forEach(function (k) { p.set(k, extra[k]); });
    return p;
  }

  function clearMarks() {
    form.querySelectorAll(".field--error").forEach(function (f) { f.classList.remove("field--error"); });
    form.querySelectorAll("[data-field] > .error-message, [data-field] > .notes").forEach(function (e) { e.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
  }

  function describe(input, id, add) {
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (add) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" ")); else input.removeAttribute("aria-describedby");
  }

  function mark(list, cls, suffix, html) {
    list.forEach(function (e) {
      var input = document.getElementById(e.id);
      if (!input) return;
      var box = input.closest("[data-field]");
      var el = document.createElement(cls === "error-message" ? "p" : "div");
      el.className = cls;
      el.id = e.id + suffix;
      if (html) el.innerHTML = e.html;
      else { el.innerHTML = '<span class="visually-hidden">Error:</span> '; el.appendChild(document.createTextNode(e.message)); }
      box.insertBefore(el, input);
      if (cls === "error-message") { box.classList.add("field--error"); input.setAttribute("aria-invalid", "true"); }
      describe(input, el.id, true);
    });
  }

  function check() {
    var mine = ++seq;
    fetch(form.getAttribute("data-check"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: params().toString(),
      credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data || mine !== seq) return;
      form.querySelectorAll("[aria-describedby]").forEach(function (i) {
        describe(i, i.id + "-error", false); describe(i, i.id + "-notes", false);
      });
      clearMarks();
      mark(data.errors, "error-message", "-error", false);
      mark(data.notes, "notes", "-notes", true);
      var slot = document.getElementById("error-summary-slot");
      if (slot) slot.outerHTML = data.summary;
      var panel = document.getElementById("preview-panel");
      var focused = document.activeElement && document.activeElement.id;
      if (panel && focused !== "preview-letter") {
        panel.outerHTML = data.panel;
        var sel = document.getElementById("preview-letter");
        if (sel) sel.addEventListener("change", check);
      } else if (panel) {
        var tmp = document.createElement("div");
        tmp.innerHTML = data.panel;
        ["findings", "preview"].forEach(function (id) {
          var from = tmp.querySelector("#" + id), to = document.getElementById(id);
          if (from && to) to.innerHTML = from.innerHTML;
        });
      }
    }).catch(function () {});
  }

  function due() {
    var received = document.getElementById("request-received");
    var out = document.getElementById("due-date");
    var regime = document.getElementById("regime");
    if (!received || !out) return;
    var v = received.value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) { out.textContent = ""; return; }
    var q = new URLSearchParams({ received: v, regime: regime ? regime.value : "" });
    fetch("/api/due?" + q.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (d) { out.textContent = d.text || d.error || ""; })
      .catch(function () {});
  }

  form.addEventListener("input", function (e) {
    if (e.target.id === "request-received" || e.target.id === "regime") due();
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  form.addEventListener("change", function (e) {
    if (e.target.id === "preview-letter" || e.target.tagName === "SELECT") { clearTimeout(timer); check(); }
    if (e.target.id === "regime") due();
  });
  due();
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
