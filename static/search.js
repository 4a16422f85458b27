// Search with the Pagefind index of the page's language. The header's box,
// `/` and Ctrl+K (⌘K) open a dialog: results as you type, arrow keys to
// move through them, Enter to open one, Escape to close, and "show more"
// past the first ten. The search page (`<lang>/search/?q=`) shows the same
// results in the page. A term whose title or alias is the query comes
// first. On Korean pages the particles that follow a noun (은, 를, 에서…)
// are taken off query words, as automatic links do. Without JavaScript the
// box leads to the search page, which lists every term.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var headerInput = document.getElementById("search-input");
  var strings = form.dataset;
  var particles = (strings.particles || "").split(" ").filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  var PAGE = 10;
  var pagefind = null;

  // A large glossary's index comes in parts (`data-shards`): the first is
  // loaded, and the others are merged into it, so one search covers all.
  // Each part is given a `part` filter with its number, for `find`.
  var parts = [];
  function load() {
    if (!pagefind) {
      var url = new URL(strings.index, document.baseURI).href;
      var shards = (strings.shards || "").split(" ").filter(Boolean).map(function (shard) {
        return new URL(shard, document.baseURI).href;
      });
      parts = shards.length ? [url].concat(shards).map(function (part, i) { return String(i + 1); }) : [];
      pagefind = import(url).then(function (module) {
        return Promise.resolve(module.init ? module.init() : null)
          .then(function () { return parts.length ? module.options({ mergeFilter: { part: "1" } }) : null; })
          .then(function () {
            return Promise.all(shards.map(function (shard, i) {
              return module.mergeIndex(shard, { mergeFilter: { part: parts[i + 1] } });
            }));
          })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Pagefind leaves out of a search the words its index does not have. An
  // index of the whole glossary lacks a word only when no term has it, but
  // a part may lack a word that other parts have, and would then answer
  // for the other words alone. So when several words meet several parts,
  // each word is looked up first, and only the parts that have every word
  // found anywhere are searched: the results one index would give.
  function find(index, query) {
    var words = query.split(/\s+/).filter(Boolean);
    if (parts.length < 2 || words.length < 2) return index.search(query);
    return Promise.all(words.map(function (word) { return index.search(word); })).then(function (each) {
      var whole = parts.filter(function (part) {
        return each.every(function (found) {
          var counts = (found.filters && found.filters.part) || {};
          return !found.results.length || counts[part] > 0;
        });
      });
      if (!whole.length) return { results: [] };
      return index.search(query, { filters: { part: { any: whole } } });
    });
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // 리스테이킹은 → 리스테이킹: a particle comes off when a word of at least
  // two letters is left.
  function stripParticles(query) {
    if (!particles.length) return query;
    return query.split(/\s+/).map(function (word) {
      for (var i = 0; i < particles.length; i++) {
        var p = particles[i];
        if (word.length - p.length >= 2 && word.slice(-p.length) === p) return word.slice(0, -p.length);
      }
      return word;
    }).join(" ");
  }

  function names(result) {
    var meta = result.meta || {};
    return [meta.title || ""].concat(meta.aliases ? meta.aliases.split(" | ") : []).map(function (n) { return n.toLowerCase(); });
  }

  // A term whose title or alias is the query first, then those that start
  // with it, then those that contain it, then Pagefind's order.
  function rank(query, results) {
    var q = query.toLowerCase();
    var score = function (r) {
      var n = names(r);
      if (n.indexOf(q) >= 0) return 0;
      if (n.some(function (x) { return x.indexOf(q) === 0; })) return 1;
      if (n.some(function (x) { return x.indexOf(q) >= 0; })) return 2;
      return 3;
    };
    return results
      .map(function (r, i) { return { r: r, i: i, s: score(r) }; })
      .sort(function (a, b) { return a.s - b.s || a.i - b.i; })
      .map(function (e) { return e.r; });
  }

  // A results view: a message line, the list, and "show more".
  function Results(container) {
    this.container = container;
    this.ticket = 0;
  }

  Results.prototype.message = function (text) {
    this.container.textContent = "";
    this.container.appendChild(el("p", "search-message", text));
  };

  Results.prototype.run = function (raw) {
    var self = this;
    var query = stripParticles(raw.trim());
    var ticket = ++self.ticket;
    if (!query) {
      self.container.textContent = "";
      return Promise.resolve();
    }
    return load()
      .then(function (index) { return find(index, query); })
      .then(function (search) {
        // Ranked among the first results, so an exact name is never beyond "show more".
        var head = search.results.slice(0, 30);
        return Promise.all(head.map(function (r) { return r.data(); })).then(function (data) {
          return { total: search.results.length, ranked: rank(query, data), rest: search.results.slice(30) };
        });
      })
      .then(function (found) {
        if (ticket !== self.ticket) return;
        self.show(raw.trim(), found);
      })
      .catch(function () {
        if (ticket === self.ticket) self.message(strings.unavailable);
      });
  };

  Results.prototype.show = function (query, found) {
    var self = this;
    self.container.textContent = "";
    if (!found.total) {
      self.message(format(strings.none, { query: query }));
      return;
    }
    self.container.appendChild(el("p", "search-message", format(strings.results, { count: found.total })));
    var list = el("ul", "search-list");
    self.container.appendChild(list);
    var shown = 0;
    var more = el("button", "search-more", strings.more);
    more.type = "button";
    var add = function (items) {
      items.forEach(function (r) { list.appendChild(item(r)); });
      shown += items.length;
      more.hidden = shown >= found.total;
    };
    more.addEventListener("click", function () {
      var fromRanked = found.ranked.slice(shown, shown + PAGE);
      var first = list.children.length;
      var need = PAGE - fromRanked.length;
      var extra = found.rest.splice(0, Math.max(0, need));
      Promise.all(extra.map(function (r) { return r.data(); })).then(function (data) {
        add(fromRanked.concat(data));
        var next = list.children[first] && list.children[first].querySelector("a");
        if (next) next.focus();
      });
    });
    add(found.ranked.slice(0, PAGE));
    self.container.appendChild(more);
  };

  function item(r) {
    var li = el("li");
    var link = el("a", "search-result");
    link.href = r.url;
    link.appendChild(el("strong", "", (r.meta && r.meta.title) || r.url));
    if (r.meta && r.meta.summary) link.appendChild(el("span", "search-summary", r.meta.summary));
    var excerpt = el("span", "search-excerpt");
    // Pagefind's excerpt is escaped text with <mark> around the matches.
    excerpt.innerHTML = r.excerpt;
    link.appendChild(excerpt);
    li.appendChild(link);
    return li;
  }

  // Arrow keys move through the results; from the box, down enters them.
  function arrows(box, input) {
    box.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(box.querySelectorAll(".search-result, .search-more:not([hidden])"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      event.preventDefault();
      if (event.key === "ArrowDown") {
        (links[at + 1] || links[links.length - 1]).focus();
      } else if (at <= 0) {
        input.focus();
      } else {
        links[at - 1].focus();
      }
    });
  }

  // The dialog.
  var dialog = null;
  var dialogInput = null;
  var dialogResults = null;
  function build() {
    dialog = el("dialog", "search-dialog");
    dialog.setAttribute("aria-label", strings.title);
    var bar = el("div", "search-dialog__bar");
    dialogInput = el("input");
    dialogInput.type = "search";
    dialogInput.placeholder = headerInput.placeholder;
    dialogInput.setAttribute("aria-label", headerInput.labels && headerInput.labels[0] ? headerInput.labels[0].textContent : strings.title);
    dialogInput.autocomplete = "off";
    dialogInput.spellcheck = false;
    var close = el("button", "search-dialog__close", strings.close);
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    bar.appendChild(dialogInput);
    bar.appendChild(close);
    var body = el("div", "search-dialog__body");
    body.setAttribute("aria-live", "polite");
    dialog.appendChild(bar);
    dialog.appendChild(body);
    document.body.appendChild(dialog);
    dialogResults = new Results(body);
    var timer = null;
    dialogInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { dialogResults.run(dialogInput.value); }, 100);
    });
    dialogInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        var first = body.querySelector(".search-result");
        if (first) location.href = first.href; else dialogResults.run(dialogInput.value);
      }
    });
    arrows(dialog, dialogInput);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { form.querySelector(".search__submit").focus({ preventScroll: true }); });
  }

  function open(text) {
    if (!dialog) build();
    if (dialog.open) return;
    if (typeof text === "string" && text) dialogInput.value = text;
    dialog.showModal();
    dialogInput.focus();
    if (dialogInput.value) dialogResults.run(dialogInput.value);
    load().catch(function () {});
  }

  if (typeof HTMLDialogElement === "function") {
    headerInput.addEventListener("focus", function () {
      var text = headerInput.value;
      headerInput.value = "";
      headerInput.blur();
      open(text);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      open(headerInput.value);
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
      if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        open();
      }
    });
  }

  // The search page shows results for ?q= in the page.
  var pageForm = document.getElementById("search-page");
  if (pageForm) {
    var pageInput = document.getElementById("search-page-input");
    var pageResults = new Results(document.getElementById("search-page-results"));
    var query = new URLSearchParams(location.search).get("q") || "";
    pageInput.value = query;
    if (query) pageResults.run(query);
    // The index loads while the first word is typed, not after it.
    pageInput.addEventListener("focus", function () { load().catch(function () {}); });
    var pageTimer = null;
    pageInput.addEventListener("input", function () {
      clearTimeout(pageTimer);
      pageTimer = setTimeout(function () { pageResults.run(pageInput.value); }, 150);
    });
    pageForm.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(pageInput.value));
      pageResults.run(pageInput.value);
    });
    arrows(pageForm.parentNode, pageInput);
  }
})();
