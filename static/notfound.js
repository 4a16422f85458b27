// The 404 page speaks the reader's language: the one in the address
// (/ko/...), else the browser's, else the site's default. Its block comes
// first, and the search box searches that language's index.
(function () {
  "use strict";
  var blocks = Array.prototype.slice.call(document.querySelectorAll(".not-found-language"));
  if (!blocks.length) return;
  var codes = blocks.map(function (b) { return b.dataset.lang; });
  var segments = location.pathname.split("/").filter(Boolean);
  var chosen = null;
  segments.some(function (s) { if (codes.indexOf(s) >= 0) { chosen = s; return true; } return false; });
  if (!chosen) {
    (navigator.languages || [navigator.language || ""]).some(function (pref) {
      var p = String(pref).toLowerCase().split("-")[0];
      var found = codes.filter(function (c) { return c.split("-")[0] === p; })[0];
      if (found) chosen = found;
      return !!found;
    });
  }
  if (!chosen) return;
  var block = blocks[codes.indexOf(chosen)];
  block.parentNode.insertBefore(block, block.parentNode.firstChild);
  document.documentElement.lang = chosen;
  var form = document.getElementById("search");
  var input = document.getElementById("search-input");
  if (form && input) {
    form.action = block.dataset.home;
    input.placeholder = block.dataset.placeholder;
    var button = form.querySelector("button");
    if (button) button.textContent = block.dataset.button;
    var label = form.querySelector("label");
    if (label) label.textContent = block.dataset.label;
  }
})();
