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

// Canned replies in the composer: "Insert canned reply" (or "#" typed in the message) opens the picker; typing
// filters it by title, the arrows move, Enter inserts the reply filled in for this ticket by the server, Esc
// closes. Without this script the same button lists the replies on the page and inserts through a form post.
(function () {
  "use strict";
  var mode = null;      // null (closed), "button" (focus in the search field) or "hash" (focus stays in the message)
  var hashStart = -1;   // where the "#" is in the message, in "hash" mode
  var caret = null;     // the message's selection when the button opened the picker

  function el(id) { return document.getElementById(id); }

  function options() {
    return Array.prototype.slice.call(document.querySelectorAll("#canned-list .option"))
      .filter(function (o) { return !o.closest("li").hidden; });
  }

  function active() { return document.querySelector("#canned-list .option.active"); }

  function setActive(option) {
    document.querySelectorAll("#canned-list .option.active").forEach(function (o) { o.classList.remove("active"); });
    if (option) {
      option.classList.add("active");
      option.scrollIntoView({ block: "nearest" });
    }
  }

  function say(text) {
    var status = el("canned-none");
    if (status) status.textContent = text;
  }

  /** Shows the replies whose title holds {@code query}; the first is active. How many are shown. */
  function filter(query) {
    if (!el("canned-list")) return 0;
    var q = query.toLowerCase();
    var shown = 0;
    document.querySelectorAll("#canned-list li").forEach(function (li) {
      var match = li.querySelector(".option").getAttribute("data-title").toLowerCase().indexOf(q) >= 0;
      li.hidden = !match;
      if (match) shown++;
    });
    say(shown === 0 ? "No canned reply matches." : shown + (shown === 1 ? " canned reply matches." : " canned replies match."));
    setActive(options()[0] || null);
    return shown;
  }

  function open(how) {
    var picker = el("canned-picker");
    var message = el("message");
    if (!picker || !message) return;
    mode = how;
    picker.hidden = false;
    var button = el("canned-open");
    if (button) button.setAttribute("aria-expanded", "true");
    if (how === "button") {
      caret = { start: message.selectionStart, end: message.selectionEnd };
      var search = el("canned-search");
      search.value = "";
      filter("");
      search.focus();
    }
  }

  function close(refocus) {
    var picker = el("canned-picker");
    if (picker) picker.hidden = true;
    var button = el("canned-open");
    if (button) button.setAttribute("aria-expanded", "false");
    mode = null;
    hashStart = -1;
    if (refocus && el("message")) el("message").focus();
  }

  function move(step) {
    var all = options();
    if (!all.length) return;
    var i = all.indexOf(active());
    setActive(all[(i + step + all.length) % all.length]);
  }

  function choose(option) {
    var picker = el("canned-picker");
    var message = el("message");
    var from;
    var to;
    if (mode === "hash" && hashStart >= 0) {
      from = hashStart;
      to = message.selectionStart;
    } else if (caret) {
      from = caret.start;
      to = caret.end;
    } else {
      from = to = message.value.length;
    }
    var url = picker.getAttribute("data-render") + encodeURIComponent(option.value);
    close(false);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/plain" } })
      .then(function (r) {
        if (!r.ok) throw new Error("status " + r.status);
        return r.text();
      })
      .then(function (text) {
        message.value = message.value.slice(0, from) + text + message.value.slice(to);
        var at = from + text.length;
        message.focus();
        message.setSelectionRange(at, at);
      }, function () {
        picker.hidden = false;
        say("The canned reply could not be inserted; it may have been deleted. Reload the page and try again.");
      });
  }

  /** "#" at the start or after a space opens the picker in place; the word after it filters. */
  function followHash(message) {
    var upto = message.value.slice(0, message.selectionStart);
    var m = /(^|\s)#([^\s#]{0,40})$/.exec(upto);
    if (!m || !el("canned-list")) {
      if (mode === "hash") close(false);
      return;
    }
    if (mode !== "hash") open("hash");
    hashStart = upto.length - m[2].length - 1;
    if (filter(m[2]) === 0 && m[2].length > 0) close(false); // "#123" and the like: not a reply, out of the way
  }

  document.addEventListener("click", function (e) {
    var opener = e.target.closest("#canned-open");
    if (opener) {
      e.preventDefault();
      if (mode) close(true); else open("button");
      return;
    }
    var option = e.target.closest("#canned-list .option");
    if (option) {
      e.preventDefault();
      choose(option);
      return;
    }
    if (mode === "button" && !e.target.closest("#canned-picker")) close(false);
  });

  document.addEventListener("input", function (e) {
    if (e.target.id === "canned-search") filter(e.target.value);
    if (e.target.id === "message") followHash(e.target);
  });

  document.addEventListener("keydown", function (e) {
    var inSearch = e.target.id === "canned-search";
    var inHash = e.target.id === "message" && mode === "hash";
    if (!inSearch && !inHash) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      var chosen = active();
      if (chosen) {
        e.preventDefault();
        choose(chosen);
      } else if (inSearch) {
        e.preventDefault(); // no implicit submission of the composer from the search field
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(inSearch);
    }
  });
})();
