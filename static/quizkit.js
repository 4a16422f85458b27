// What the quiz on term pages and the practice page share: formatting the
// interface strings, making elements, and grading an answer the same way
// (every choice disabled, the right one and the chosen one marked).
(function () {
  "use strict";

  // Numbers in the page's digits (٠١٢ on Arabic pages).
  var digits = Array.from((document.body && document.body.dataset.digits) || "");
  function localDigits(text) {
    return digits.length === 10 ? text.replace(/[0-9]/g, function (d) { return digits[Number(d)]; }) : text;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? localDigits(String(values[key])) : whole;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Grades the answer `chosen` (a radio input) among the inputs of
  // `container`, `right` being the index of the right choice; true if right.
  // The right choice and a wrong one chosen are also said in words
  // (`strings.right`, `strings.yours`), not by colour alone.
  function grade(container, chosen, right, strings) {
    Array.prototype.forEach.call(container.querySelectorAll("input"), function (input) {
      input.disabled = true;
      var li = input.closest("li");
      var isRight = Number(input.value) === right;
      if (isRight) li.classList.add("choice--correct");
      if (input === chosen) li.classList.add("choice--chosen");
      var mark = isRight ? strings.right : input === chosen ? strings.yours : null;
      if (mark) {
        var span = el("span", "choice-mark", mark);
        if (strings.uiLang) span.lang = strings.uiLang;
        input.closest("label").lastElementChild.appendChild(span);
      }
    });
    return Number(chosen.value) === right;
  }

  // Takes back what `grade` added, for another attempt.
  function ungrade(container) {
    Array.prototype.forEach.call(container.querySelectorAll(".choice-mark"), function (mark) { mark.remove(); });
    Array.prototype.forEach.call(container.querySelectorAll("input"), function (input) {
      input.disabled = false;
      input.closest("li").classList.remove("choice--correct", "choice--chosen");
    });
  }

  // Shows the verdict in `feedback`, in the interface language, followed by
  // `extra` nodes (the explanation).
  function verdict(feedback, ok, strings, uiLang, extra) {
    feedback.className = "quiz-feedback " + (ok ? "quiz-feedback--correct" : "quiz-feedback--incorrect");
    feedback.textContent = "";
    var line = el("p", "quiz-verdict", ok ? strings.correct : strings.incorrect);
    if (uiLang) line.lang = uiLang;
    feedback.appendChild(line);
    (extra || []).forEach(function (node) { feedback.appendChild(node); });
  }

  // Asks for a choice when none is made.
  function hint(feedback, strings) {
    feedback.textContent = strings.choose;
    feedback.className = "quiz-feedback quiz-feedback--hint";
  }

  window.glossaQuiz = { format: format, el: el, grade: grade, ungrade: ungrade, verdict: verdict, hint: hint };
})();
