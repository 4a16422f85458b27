// What a reader has passed, kept in this browser (localStorage), and the
// learning path on term pages: ticks for passed quizzes and, on request,
// the whole path computed from the language's paths.json.
(function () {
  "use strict";
  var PREFIX = "glossa:quiz:";
  var lang = document.documentElement.lang;

  function key(slug) { return PREFIX + lang + ":" + slug; }

  var progress = {
    // The last result of the quiz of `slug` in this language, or null.
    get: function (slug) {
      try {
        var raw = localStorage.getItem(key(slug));
        return raw ? JSON.parse(raw) : null;
      } catch (err) {
        return null;
      }
    },
    set: function (slug, score, total) {
      try {
        localStorage.setItem(key(slug), JSON.stringify({ score: score, total: total }));
      } catch (err) { /* storage may be disabled */ }
    },
    // Two thirds right counts as passed.
    passed: function (slug) {
      var r = progress.get(slug);
      return !!r && r.total > 0 && r.score * 3 >= r.total * 2;
    },
  };
  window.glossaProgress = progress;

  var section = document.getElementById("learning-path");
  if (!section) return;
  var list = section.querySelector("ol.path");

  function tick(item) {
    var slug = item.getAttribute("data-term");
    if (!slug || !progress.passed(slug) || item.classList.contains("is-passed")) return;
    item.classList.add("is-passed");
    var mark = document.createElement("span");
    mark.className = "path-tick";
    mark.textContent = " ✓";
    var label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = " (" + section.dataset.passed + ")";
    item.appendChild(mark);
    item.appendChild(label);
  }

  function tickAll() {
    Array.prototype.forEach.call(list.querySelectorAll("li[data-term]"), tick);
  }

  function showFullPath(button) {
    var url = new URL(section.dataset.path, location.href);
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      var terms = data.terms;
      var index = -1;
      for (var i = 0; i < terms.length; i++) {
        if (terms[i].slug === section.dataset.slug) { index = i; break; }
      }
      if (index < 0) return;
      // Every prerequisite, transitively; the list is in learning order.
      var needed = {};
      var stack = terms[index].pre.slice();
      while (stack.length) {
        var next = stack.pop();
        if (!needed[next]) {
          needed[next] = true;
          stack.push.apply(stack, terms[next].pre);
        }
      }
      var goal = list.querySelector(".path-goal");
      Array.prototype.forEach.call(list.querySelectorAll("li:not(.path-goal)"), function (li) { li.remove(); });
      Object.keys(needed).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i) {
        var li = document.createElement("li");
        li.setAttribute("data-term", terms[i].slug);
        var a = document.createElement("a");
        a.className = "term-link";
        a.href = new URL(terms[i].url, url).href;
        a.textContent = terms[i].title;
        li.appendChild(a);
        list.insertBefore(li, goal);
      });
      tickAll();
      button.parentNode.remove();
    }).catch(function () { /* the inline path stays */ });
  }

  tickAll();
  var button = section.querySelector("button.path-full");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { showFullPath(button); });
  }
})();
