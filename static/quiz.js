// The quiz, enhanced: one question at a time with "n / total", feedback on
// each answer with its explanation, the score at the end and a retry.
// Without JavaScript every question stays visible with its answer behind a
// <details> disclosure. Interface strings come from data-* attributes, which
// the page fills from the i18n files.
(function () {
  "use strict";

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
        Array.prototype.forEach.call(q.querySelectorAll("input"), function (input) {
          input.disabled = false;
          input.closest("li").classList.remove("choice--correct", "choice--chosen");
        });
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
        feedback.textContent = s.choose;
        feedback.className = "quiz-feedback quiz-feedback--hint";
        return;
      }
      answered = true;
      var right = Number(q.dataset.answer);
      var ok = Number(chosen.value) === right;
      if (ok) score += 1;
      q.classList.add(ok ? "is-correct" : "is-incorrect");
      Array.prototype.forEach.call(q.querySelectorAll("input"), function (input) {
        input.disabled = true;
        var li = input.closest("li");
        if (Number(input.value) === right) li.classList.add("choice--correct");
        if (input === chosen) li.classList.add("choice--chosen");
      });
      feedback.textContent = "";
      feedback.className = "quiz-feedback " + (ok ? "quiz-feedback--correct" : "quiz-feedback--incorrect");
      var verdict = el("p", "quiz-verdict", ok ? s.correct : s.incorrect);
      verdict.lang = uiLang;
      feedback.appendChild(verdict);
      var details = q.querySelector(".quiz-answer");
      if (details) {
        Array.prototype.forEach.call(details.querySelectorAll("p"), function (p) {
          feedback.appendChild(p.cloneNode(true));
        });
      }
      button.textContent = current + 1 < questions.length ? s.next : s.finish;
    }

    function finish() {
      questions.forEach(function (q) { q.hidden = true; });
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
      showLast();
    });

    show(0);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-quiz]"), enhance);
})();
