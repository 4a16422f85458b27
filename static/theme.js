// Applies the reader's saved colour scheme before the page paints (loaded
// in <head>, not deferred, so a dark page never flashes light).
try {
  var t = localStorage.getItem("glossa:theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch (e) {}
