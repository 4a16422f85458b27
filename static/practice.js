// The practice page: questions drawn at random from every term's quiz (all
// topics or one tag), or the ones due for review (review.js), one at a time,
// with feedback, the explanation, a link back to the term, and the score.
// Each answer schedules its question's next review.
(function () {
  "use strict";
  var section = document.getElementById("practice");
  if (!section) return;
  var s = section.dataset;
  var setup = section.querySelector(".practice-setup");
  var round = section.querySelector(".practice-round");
  var status = section.querySelector(".practice-due");
  var modes = section.querySelector(".practice-mode");
  var questions = null;
  // Shared with the term pages' quiz (quizkit.js, loaded before this file).
  var kit = window.glossaQuiz;
  if (!kit || !window.glossaReview) return;
  var format = kit.format;
  var el = kit.el;
  var lang = document.documentElement.lang;
  var review = window.glossaReview.open(new URL(s.root, location.href).href, lang);

  function load() {
    if (!questions) {
      questions = fetch(new URL(s.questions, location.href)).then(function (r) { return r.json(); }).then(function (d) {
        return d.questions;
      });
    }
    return questions;
  }

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  // "tomorrow (6 Dec 2026)", "in 3 hours (…)": in calendar days unless it is
  // later today, in the page's language.
  function when(due, now) {
    var minute = 60 * 1000;
    var hour = 60 * minute;
    var midnight = function (t) { var d = new Date(t); d.setHours(0, 0, 0, 0); return d.getTime(); };
    var days = Math.round((midnight(due) - midnight(now)) / window.glossaReview.DAY);
    try {
      var relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
      var text = days > 0 ? relative.format(days, "day")
        : due - now < hour ? relative.format(Math.max(1, Math.round((due - now) / minute)), "minute")
        : relative.format(Math.round((due - now) / hour), "hour");
      var date = new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(due));
      return { when: text, date: date };
    } catch (err) {
      var iso = new Date(due).toISOString().slice(0, 10);
      return { when: iso, date: iso };
    }
  }

  // Says how many questions are due and when the next one is, and offers
  // the review when any is due.
  function showStatus(all) {
    var now = Date.now();
    if (!review.available) {
      status.textContent = s.noStorage;
      return;
    }
    var due = review.due(all, now).length;
    var next = review.next(all, now);
    var parts = [];
    if (!review.started(all)) {
      parts.push(s.dueNew);
    } else {
      parts.push(due ? format(s.dueNow, { count: due }) : s.dueNone);
      if (next !== null) parts.push(format(s.dueNext, when(next, now)));
    }
    status.textContent = parts.join(" ");
    modes.hidden = false;
    var dueMode = modes.querySelector('input[value="due"]');
    dueMode.disabled = !due;
    (due ? dueMode : modes.querySelector('input[value="any"]')).checked = true;
  }

  function start(all, topic, count, mode) {
    var pool = all.filter(function (q) { return !topic || q.tags.indexOf(topic) >= 0; });
    var picked = mode === "due" ? review.due(pool, Date.now()).slice(0, count) : shuffle(pool.slice()).slice(0, count);
    round.textContent = "";
    if (!picked.length) {
      round.appendChild(el("p", "notice", mode === "due" ? s.dueEmpty : s.empty));
      return;
    }
    var index = 0;
    var score = 0;
    var perTerm = {};

    function ask() {
      var q = picked[index];
      round.textContent = "";
      var form = el("form", "quiz-form practice-question");
      form.dataset.question = q.id;
      form.appendChild(el("p", "quiz-progress", format(s.progress, { n: index + 1, total: picked.length })));
      var fieldset = el("fieldset", "quiz-question");
      var legend = el("legend");
      legend.innerHTML = q.question; // rendered by glossa from the content, escaped there
      fieldset.appendChild(legend);
      var list = el("ul", "quiz-choices");
      q.choices.forEach(function (choice, i) {
        var li = el("li");
        var label = el("label");
        var input = el("input");
        input.type = "radio";
        input.name = "practice-choice";
        input.value = String(i);
        var span = el("span");
        span.innerHTML = choice;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" "));
        label.appendChild(span);
        li.appendChild(label);
        list.appendChild(li);
      });
      fieldset.appendChild(list);
      form.appendChild(fieldset);
      var feedback = el("div", "quiz-feedback");
      feedback.setAttribute("role", "status");
      form.appendChild(feedback);
      var about = el("p", "practice-about", s.about + " ");
      var link = el("a", "term-link", q.title);
      link.href = new URL(q.url, location.href).href;
      about.appendChild(link);
      var button = el("button", "quiz-button", s.check);
      button.type = "submit";
      form.appendChild(button);
      round.appendChild(form);
      var answered = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (answered) {
          index += 1;
          if (index < picked.length) ask(); else finish();
          return;
        }
        var chosen = form.querySelector("input:checked");
        if (!chosen) {
          kit.hint(feedback, s);
          return;
        }
        answered = true;
        var ok = kit.grade(form, chosen, q.answer, { right: s.right, yours: s.yours });
        if (ok) score += 1;
        review.record(q.id, ok, Date.now());
        var tally = perTerm[q.term] || (perTerm[q.term] = { score: 0, total: 0 });
        tally.total += 1;
        if (ok) tally.score += 1;
        var extra = [];
        if (q.explanation) {
          var p = el("p");
          p.innerHTML = q.explanation;
          extra.push(p);
        }
        extra.push(about);
        kit.verdict(feedback, ok, s, null, extra);
        button.textContent = index + 1 < picked.length ? s.next : s.finish;
        button.focus();
      });
      var first = form.querySelector("input");
      if (first) first.focus();
    }

    function finish() {
      round.textContent = "";
      var result = el("p", "quiz-result", format(s.done, { score: score, total: picked.length }));
      result.tabIndex = -1;
      round.appendChild(result);
      var again = el("button", "quiz-button", s.again);
      again.type = "button";
      again.addEventListener("click", function () { start(all, topic, count, mode); });
      round.appendChild(again);
      showStatus(all);
      result.focus();
    }

    ask();
  }

  setup.hidden = false;
  load().then(showStatus).catch(function () { /* the round says so when started */ });
  setup.addEventListener("submit", function (event) {
    event.preventDefault();
    var topic = setup.elements.topic.value;
    var count = Number(setup.elements.count.value) || 10;
    var chosen = setup.querySelector('input[name="mode"]:checked');
    var mode = chosen && !modes.hidden ? chosen.value : "any";
    load().then(function (all) { start(all, topic, count, mode); }).catch(function () {
      round.textContent = "";
      round.appendChild(el("p", "notice", s.empty));
    });
  });
})();
