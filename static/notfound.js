// The 404 page speaks the reader's language: the one in the address
// (/ko/...), else the browser's, else the site's default. Its block comes
// first, search uses that language, and the terms whose slug or title is
// nearest to the address are suggested.
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
  var block = blocks[codes.indexOf(chosen || codes[0])];
  if (chosen) {
    block.parentNode.insertBefore(block, block.parentNode.firstChild);
    document.documentElement.lang = chosen;
    document.documentElement.dir = block.dir || "ltr";
    var form = document.getElementById("search");
    var input = document.getElementById("search-input");
    if (form && input) {
      form.action = block.dataset.search;
      form.dataset.index = block.dataset.index;
      if (block.dataset.shards) form.dataset.shards = block.dataset.shards;
      else delete form.dataset.shards;
      input.placeholder = block.dataset.placeholder;
      var label = form.querySelector("label");
      if (label) label.textContent = block.dataset.label;
    }
  }

  // Edit distance, for "did you mean".
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var kept = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }

  var wanted = decodeURIComponent(segments.filter(function (s) { return codes.indexOf(s) < 0 && s !== "terms"; }).pop() || "")
    .toLowerCase().replace(/\.html$/, "");
  if (!wanted) return;
  fetch(new URL(block.dataset.paths, location.href)).then(function (r) { return r.json(); }).then(function (data) {
    var scored = data.terms.map(function (t) {
      var bySlug = distance(wanted, t.slug);
      var byTitle = distance(wanted.replace(/-/g, " "), t.title.toLowerCase());
      var best = Math.min(bySlug, byTitle);
      var contains = t.slug.indexOf(wanted) >= 0 || wanted.indexOf(t.slug) >= 0;
      return { term: t, score: contains ? Math.min(best, 1) : best };
    }).filter(function (e) { return e.score <= Math.max(2, Math.floor(wanted.length / 3)); });
    scored.sort(function (a, b) { return a.score - b.score || a.term.slug.localeCompare(b.term.slug); });
    var picks = scored.slice(0, 3);
    if (!picks.length) return;
    var box = block.querySelector(".not-found-suggestions");
    var list = box.querySelector("ul");
    picks.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(e.term.url, new URL(block.dataset.paths, location.href)).href;
      a.textContent = e.term.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    box.hidden = false;
  }).catch(function () { /* no suggestions */ });
})();
