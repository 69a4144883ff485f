// The app's own script: keyboard shortcuts, the bulk bar, copy buttons, the phone menu. Pages work without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("table.tickets tbody tr"));
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var i = all.findIndex(function (r) { return r.classList.contains("current"); });
    var next = Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step));
    all.forEach(function (r) { r.classList.remove("current"); });
    all[next].classList.add("current");
    var link = all[next].querySelector(".subject a");
    if (link) link.focus();
  }

  function composer(mode) {
    var message = document.getElementById("message");
    if (!message) return;
    message.form.dataset.mode = mode;
    message.focus();
  }

  function toggleShortcuts(show) {
    var overlay = document.getElementById("shortcuts");
    if (!overlay) return;
    overlay.hidden = !show;
    if (show) overlay.querySelector("button").focus();
  }

  function syncBulk() {
    var bar = document.getElementById("bulk");
    if (!bar) return;
    var any = document.querySelector("input.row-select:checked") !== null;
    bar.hidden = !any;
    var count = document.getElementById("bulk-count");
    if (count) count.textContent = document.querySelectorAll("input.row-select:checked").length + " selected";
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && e.target.id === "message") {
      e.preventDefault();
      var form = e.target.form;
      var button = form.querySelector(form.dataset.mode === "note" ? "button[value=note]" : "button[value=reply]");
      if (button) form.requestSubmit(button);
      return;
    }
    if (e.key === "Escape") { toggleShortcuts(false); return; }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case "/": var search = document.getElementById("search"); if (search) { e.preventDefault(); search.focus(); } break;
      case "j": move(1); break;
      case "k": move(-1); break;
      case "r": if (document.getElementById("message")) { e.preventDefault(); composer("reply"); } break;
      case "n": if (document.getElementById("message")) { e.preventDefault(); composer("note"); } break;
      case "?": e.preventDefault(); toggleShortcuts(true); break;
    }
  });

  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t.closest(".shortcuts-open")) { e.preventDefault(); toggleShortcuts(true); }
    if (t.closest(".shortcuts-close")) toggleShortcuts(false);
    var toggle = t.closest(".menu-toggle");
    if (toggle) {
      var views = document.getElementById("views");
      var open = views.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    var copy = t.closest("[data-copy]");
    if (copy) {
      var source = document.getElementById(copy.getAttribute("data-copy"));
      var done = function () { copy.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent.trim()).then(done, function () { select(source); });
      } else {
        select(source);
        try { document.execCommand("copy"); done(); } catch (ignored) { /* selected for Ctrl+C */ }
      }
    }
    var all = t.closest("#select-all");
    if (all) {
      document.querySelectorAll("input.row-select").forEach(function (c) { c.checked = all.checked; });
      syncBulk();
    }
  });

  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  document.addEventListener("change", function (e) {
    if (e.target.classList.contains("row-select")) syncBulk();
    if (e.target.classList.contains("autosubmit")) e.target.form.requestSubmit();
  });

  document.addEventListener("DOMContentLoaded", syncBulk);
  document.addEventListener("htmx:afterSettle", syncBulk);
})();

// Files: drop them anywhere on the composer to attach them (the "Attach files" input works without this).
(function () {
  "use strict";
  var input = document.getElementById("attach-files");
  if (!input || typeof DataTransfer === "undefined") return;
  var zone = input.form;
  zone.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
      e.preventDefault();
      zone.classList.add("dropping");
    }
  });
  zone.addEventListener("dragleave", function () { zone.classList.remove("dropping"); });
  zone.addEventListener("drop", function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    zone.classList.remove("dropping");
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
    Array.prototype.forEach.call(e.dataTransfer.files, function (f) { all.items.add(f); });
    input.files = all.files;
  });
})();
