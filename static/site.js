// What every page gains with JavaScript: a light/dark/system theme toggle
// (remembered in this browser), copy buttons on code blocks, the table of
// contents marking the section being read, concept maps saying when they
// scroll, and quiz answers on paper when the page is printed. Without it
// the theme follows the system and everything else is simply there.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: system → light → dark → system.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var order = ["system", "light", "dark"];
    var stored = function () {
      try { return localStorage.getItem("glossa:theme") || "system"; } catch (e) { return "system"; }
    };
    var apply = function (theme) {
      if (theme === "system") delete root.dataset.theme; else root.dataset.theme = theme;
      var label = toggle.dataset[theme];
      toggle.querySelector(".theme-toggle__label").textContent = label;
      toggle.setAttribute("aria-label", toggle.dataset.label + ": " + label);
    };
    apply(stored());
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var next = order[(order.indexOf(stored()) + 1) % order.length];
      try { if (next === "system") localStorage.removeItem("glossa:theme"); else localStorage.setItem("glossa:theme", next); } catch (e) { /* private mode */ }
      apply(next);
    });
  }

  // Copy buttons on code blocks.
  var copyLabel = document.body.dataset.copy;
  var copiedLabel = document.body.dataset.copied;
  if (navigator.clipboard && copyLabel) {
    Array.prototype.forEach.call(document.querySelectorAll("main pre"), function (pre) {
      if (pre.closest(".graph-source")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = copyLabel;
      button.addEventListener("click", function () {
        var code = pre.querySelector("code") || pre;
        navigator.clipboard.writeText(code.innerText).then(function () {
          button.textContent = copiedLabel;
          setTimeout(function () { button.textContent = copyLabel; }, 1500);
        });
      });
      pre.appendChild(button);
    });
  }

  // The table of contents marks the section in view.
  var toc = document.querySelector("[data-toc]");
  if (toc && "IntersectionObserver" in window) {
    var links = Array.prototype.slice.call(toc.querySelectorAll("a[href^='#']"));
    var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
    var visible = new Set();
    var mark = function () {
      var current = null;
      for (var i = 0; i < targets.length; i++) {
        if (targets[i] && visible.has(targets[i])) { current = i; break; }
      }
      if (current === null) return;
      links.forEach(function (a, i) {
        if (i === current) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      });
    };
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) visible.add(e.target); else visible.delete(e.target); });
      mark();
    }, { rootMargin: "-70px 0px -55% 0px" });
    targets.forEach(function (t) { if (t) observer.observe(t); });
  }

  // Concept maps say they scroll only when they do.
  Array.prototype.forEach.call(document.querySelectorAll(".map-scroller"), function (scroller) {
    var figure = scroller.closest(".map-figure");
    var check = function () { figure.classList.toggle("fits", scroller.scrollWidth <= scroller.clientWidth + 1); };
    check();
    window.addEventListener("resize", check);
  });

  // Printing shows every quiz answer.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      if (d.closest(".mobile-menu") || d.closest(".toc-inline")) return;
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
