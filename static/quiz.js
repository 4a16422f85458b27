// The quiz, enhanced: one question at a time with "n / total", feedback on
// each answer with its explanation, the score at the end and a retry.
// Without JavaScript every question stays visible with its answer behind a
// <details> disclosure. Interface strings come from data-* attributes, which
// the page fills from the i18n files.
// Shared helpers come from quizkit.js, loaded before this file.
(function () {
  "use strict";
  var kit = window.glossaQuiz;
  if (!kit) return;
  var format = kit.format;
  var el = kit.el;

  function enhance(section) {
    var s = section.dataset;
    var uiLang = s.uiLang || document.documentElement.lang;
    var questions = Array.prototype.slice.call(section.querySelectorAll(".quiz-question"));
    if (!questions.length) return;
    var form = section.querySelector(".quiz-form");
    var current = 0;
    var score = 0;
    var answered = false;

    section.classList.add("quiz--enhanced");
    // The intro says how this quiz works now: one question at a time.
    var intro = section.querySelector(".quiz-intro");
    if (intro && s.intro) intro.textContent = s.intro;
    var progress = el("p", "quiz-progress");
    progress.lang = uiLang;
    progress.setAttribute("aria-live", "polite");
    var feedback = el("div", "quiz-feedback");
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");
    var controls = el("div", "quiz-controls");
    var button = el("button", "quiz-button");
    button.type = "submit";
    button.lang = uiLang;
    controls.appendChild(button);
    var result = el("p", "quiz-result");
    result.lang = uiLang;
    result.tabIndex = -1;
    result.hidden = true;
    form.insertBefore(progress, form.firstChild);
    form.appendChild(feedback);
    form.appendChild(controls);
    form.appendChild(result);

    function show(index) {
      current = index;
      answered = false;
      questions.forEach(function (q, i) {
        q.hidden = i !== index;
        q.classList.remove("is-correct", "is-incorrect");
        kit.ungrade(q);
      });
      progress.textContent = format(s.progress, { n: index + 1, total: questions.length });
      feedback.textContent = "";
      feedback.className = "quiz-feedback";
      button.textContent = s.check;
      result.hidden = true;
    }

    function check() {
      var q = questions[current];
      var chosen = q.querySelector("input:checked");
      if (!chosen) {
        kit.hint(feedback, s);
        return;
      }
      answered = true;
      var ok = kit.grade(q, chosen, Number(q.dataset.answer), { right: s.right, yours: s.yours, uiLang: uiLang });
      if (ok) score += 1;
      q.classList.add(ok ? "is-correct" : "is-incorrect");
      var details = q.querySelector(".quiz-answer");
      var explanation = details
        ? Array.prototype.map.call(details.querySelectorAll("p"), function (p) { return p.cloneNode(true); })
        : [];
      kit.verdict(feedback, ok, s, uiLang, explanation);
      button.textContent = current + 1 < questions.length ? s.next : s.finish;
    }

    function finish() {
      questions.forEach(function (q) { q.hidden = true; });
      // The end screen shows this attempt's score, not the one before.
      last.hidden = true;
      progress.textContent = "";
      feedback.textContent = "";
      feedback.className = "quiz-feedback";
      result.textContent = format(s.score, { score: score, total: questions.length });
      result.hidden = false;
      section.dispatchEvent(new CustomEvent("glossa:quiz-finished"));
      button.textContent = s.retry;
      result.focus();
      answered = null;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (answered === null) {
        score = 0;
        form.reset();
        show(0);
        showLast();
        var first = questions[0].querySelector("input");
        if (first) first.focus();
      } else if (!answered) {
        check();
      } else if (current + 1 < questions.length) {
        show(current + 1);
        var next = questions[current].querySelector("input");
        if (next) next.focus();
      } else {
        finish();
      }
    });

    // The last result in this browser, and remembering the next one.
    var slug = s.slug;
    var store = window.glossaProgress;
    var last = el("p", "quiz-last");
    last.lang = uiLang;
    function showLast() {
      var previous = store && slug ? store.get(slug) : null;
      last.hidden = !previous;
      if (previous) last.textContent = format(s.last, { score: previous.score, total: previous.total });
    }
    form.insertBefore(last, progress);
    showLast();
    section.addEventListener("glossa:quiz-finished", function () {
      if (store && slug) store.set(slug, score, questions.length);
    });

    show(0);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-quiz]"), enhance);
})();
