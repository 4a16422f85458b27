// Injected by `glossa serve` only: reloads the page when the site is rebuilt,
// and shows content errors in an overlay while the last good build is served.
(function () {
  "use strict";
  var overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(all) {
    hide();
    // Warnings are printed in the terminal; only errors stop the site from updating.
    var problems = all.filter(function (p) { return p.severity === "error"; });
    if (!problems.length) return;
    overlay = document.createElement("div");
    overlay.id = "glossa-problems";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Content errors");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#1f1315;color:#fde8e8;font:14px/1.5 ui-monospace,monospace;padding:12px 16px;" +
      "border-top:4px solid #ef4444;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
    var head = document.createElement("p");
    head.style.cssText = "margin:0 0 8px;font-weight:bold";
    head.textContent = problems.length + " problem" + (problems.length === 1 ? "" : "s") +
      " in the content — the last good build is shown. Fix and save to reload.";
    overlay.appendChild(head);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2em";
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = p.location + " ";
      var what = document.createElement("span");
      what.textContent = p.severity + "[" + p.code + "]: " + p.message + (p.help ? " — help: " + p.help : "");
      item.appendChild(where);
      item.appendChild(what);
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "position:absolute;top:8px;right:12px";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function check() {
    fetch("/__glossa/problems", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {});
  }

  var source = new EventSource("/__glossa/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problems", function (e) {
    try { show(JSON.parse(e.data)); } catch (err) { /* ignore */ }
  });
  check();
})();
