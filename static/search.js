// Search in the header of every page, with the Pagefind index of the page's
// language. Results show each term's title, summary and the matching
// excerpt. Without JavaScript the form submits to the A–Z index instead.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  var strings = form.dataset;
  var pagefind = null;
  var timer = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      var url = new URL(strings.index, document.baseURI).href;
      pagefind = import(url).then(function (module) {
        return Promise.resolve(module.init ? module.init() : null).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function close() {
    box.hidden = true;
    box.textContent = "";
    input.setAttribute("aria-expanded", "false");
  }

  function message(text) {
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "search-message";
    p.textContent = text;
    box.appendChild(p);
    box.hidden = false;
  }

  function show(query, results) {
    box.textContent = "";
    if (!results.length) {
      message(format(strings.none, { query: query }));
      return;
    }
    var count = document.createElement("p");
    count.className = "search-message";
    count.textContent = format(strings.results, { count: results.length });
    box.appendChild(count);
    var list = document.createElement("ul");
    results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = r.url;
      link.className = "search-result";
      var title = document.createElement("strong");
      title.textContent = (r.meta && r.meta.title) || r.url;
      link.appendChild(title);
      if (r.meta && r.meta.summary) {
        var summary = document.createElement("span");
        summary.className = "search-summary";
        summary.textContent = r.meta.summary;
        link.appendChild(summary);
      }
      var excerpt = document.createElement("span");
      excerpt.className = "search-excerpt";
      // Pagefind's excerpt is escaped text with <mark> around the matches.
      excerpt.innerHTML = r.excerpt;
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    box.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  // A term whose title or alias is the query comes first, then those that
  // start with it, then Pagefind's order (which already weighs titles and
  // aliases above body text, but stemming can tie "validator" with
  // "validated").
  function nameRank(query, result) {
    var q = query.toLowerCase();
    var meta = result.meta || {};
    var names = [meta.title || ""].concat(meta.aliases ? meta.aliases.split(" | ") : []).map(function (n) {
      return n.toLowerCase();
    });
    if (names.indexOf(q) >= 0) return 0;
    if (names.some(function (n) { return n.indexOf(q) === 0; })) return 1;
    if (names.some(function (n) { return n.indexOf(q) >= 0; })) return 2;
    return 3;
  }

  function rank(query, results) {
    return results
      .map(function (result, index) { return { result: result, index: index, rank: nameRank(query, result) }; })
      .sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
      .map(function (entry) { return entry.result; });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      close();
      return;
    }
    load()
      .then(function (index) { return index.search(query); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 24).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        if (ticket === latest) show(query, rank(query, results).slice(0, 8));
      })
      .catch(function () {
        if (ticket === latest) message(strings.unavailable);
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = box.querySelector("a.search-result");
    if (first && !box.hidden) {
      location.href = first.href;
    } else {
      run();
    }
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
