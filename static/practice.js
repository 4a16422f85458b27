// The practice page: questions drawn at random from every term's quiz (all
// topics or one tag), one at a time, with feedback, the explanation, a link
// back to the term, and the score. Results also count for the term pages.
(function () {
  "use strict";
  var section = document.getElementById("practice");
  if (!section) return;
  var s = section.dataset;
  var setup = section.querySelector(".practice-setup");
  var round = section.querySelector(".practice-round");
  var questions = null;
  // Shared with the term pages' quiz (quizkit.js, loaded before this file).
  var kit = window.glossaQuiz;
  if (!kit) return;
  var format = kit.format;
  var el = kit.el;

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

  function start(all, topic, count) {
    var pool = all.filter(function (q) { return !topic || q.tags.indexOf(topic) >= 0; });
    var picked = shuffle(pool.slice()).slice(0, count);
    round.textContent = "";
    if (!picked.length) {
      round.appendChild(el("p", "notice", s.empty));
      return;
    }
    var index = 0;
    var score = 0;
    var perTerm = {};

    function ask() {
      var q = picked[index];
      round.textContent = "";
      var form = el("form", "quiz-form practice-question");
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
      again.addEventListener("click", function () { start(all, topic, count); });
      round.appendChild(again);
      result.focus();
    }

    ask();
  }

  setup.hidden = false;
  setup.addEventListener("submit", function (event) {
    event.preventDefault();
    var topic = setup.elements.topic.value;
    var count = Number(setup.elements.count.value) || 10;
    load().then(function (all) { start(all, topic, count); }).catch(function () {
      round.textContent = "";
      round.appendChild(el("p", "notice", s.empty));
    });
  });
})();
