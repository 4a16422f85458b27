// When each practice question is due again, kept in this browser
// (localStorage, one record per site and language) by a Leitner rule: a
// right answer moves a question up a box and it comes back after 1, 2, 4,
// 8, 16 or 32 days; a wrong answer puts it back in box 0, due at once.
// Without storage (private browsing, storage turned off) nothing is kept
// and every question is new.
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;
  // Days until a question in each box is due again; box 0 is due at once.
  var DAYS = [0, 1, 2, 4, 8, 16, 32];

  function storage() {
    try {
      var store = window.localStorage;
      var probe = "glossa:probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (err) {
      return null;
    }
  }

  // The schedule of the site whose root is `root` (an absolute URL), in `lang`.
  function open(root, lang) {
    var store = storage();
    var key = "glossa:review:" + root + ":" + lang;
    var entries = {};
    if (store) {
      try {
        var saved = JSON.parse(store.getItem(key) || "{}");
        if (saved && typeof saved === "object") entries = saved;
      } catch (err) { /* an unreadable record starts afresh */ }
    }

    function save() {
      if (!store) return;
      try {
        store.setItem(key, JSON.stringify(entries));
      } catch (err) { /* full or refused: this answer is not kept */ }
    }

    function entry(id) {
      var e = Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : null;
      return e && typeof e.box === "number" && typeof e.due === "number" ? e : null;
    }

    return {
      key: key,
      // Whether answers are kept at all.
      available: !!store,
      entry: entry,
      // Records an answer to question `id` at time `now` (ms).
      record: function (id, right, now) {
        var before = entry(id);
        var box = right ? Math.min((before ? before.box : 0) + 1, DAYS.length - 1) : 0;
        entries[id] = { box: box, due: now + DAYS[box] * DAY };
        save();
      },
      // The questions of `questions` due at `now`, the longest overdue first.
      due: function (questions, now) {
        return questions
          .filter(function (q) { var e = entry(q.id); return e && e.due <= now; })
          .sort(function (a, b) { return entry(a.id).due - entry(b.id).due; });
      },
      // When the next of `questions` not yet due falls due (ms), or null.
      next: function (questions, now) {
        var soonest = null;
        questions.forEach(function (q) {
          var e = entry(q.id);
          if (e && e.due > now && (soonest === null || e.due < soonest)) soonest = e.due;
        });
        return soonest;
      },
      // Whether any of `questions` has been answered here.
      started: function (questions) {
        return questions.some(function (q) { return entry(q.id) !== null; });
      },
    };
  }

  window.glossaReview = { open: open, DAY: DAY, DAYS: DAYS };
})();
