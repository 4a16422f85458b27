// Sends the reader to the glossary in their browser's preferred language,
// or the default one. Without JavaScript, a <noscript> refresh does the same.
(function () {
  "use strict";
  var main = document.getElementById("main");
  if (!main) return;
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-lang]"));
  var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""]);
  for (var i = 0; i < wanted.length; i++) {
    var pref = String(wanted[i]).toLowerCase();
    for (var j = 0; j < links.length; j++) {
      var code = links[j].getAttribute("data-lang").toLowerCase();
      if (pref === code || pref.split("-")[0] === code.split("-")[0]) {
        location.replace(links[j].getAttribute("href"));
        return;
      }
    }
  }
  location.replace(main.getAttribute("data-default"));
})();
