// Previews of linked terms: hovering or focusing a link to a term shows its
// title and summary in a popover that floats over the page (no layout
// shift). Escape closes it; on touch, the first tap shows it and offers the
// link. Without JavaScript the summary is the link's title (its accessible
// description).
(function () {
  "use strict";
  var links = document.querySelectorAll("main a.term-link[data-term][title], main .card__summary a.term-link[title]");
  if (!links.length) return;
  var openLabel = document.querySelector("[data-preview-open]");
  var template = (openLabel && openLabel.getAttribute("data-preview-open")) || "Open “{title}”";
  var popover = document.createElement("div");
  popover.id = "term-preview";
  popover.className = "term-preview";
  popover.setAttribute("role", "tooltip");
  popover.hidden = true;
  document.body.appendChild(popover);
  var current = null;
  var showTimer = null;
  var hideTimer = null;
  var touchOpened = null;
  var lastPointer = "mouse";

  function fill(link, withLink) {
    popover.textContent = "";
    var title = document.createElement("strong");
    title.textContent = link.dataset.title || link.textContent;
    var summary = document.createElement("p");
    summary.textContent = link.dataset.summary || "";
    popover.appendChild(title);
    popover.appendChild(summary);
    if (withLink) {
      var open = document.createElement("a");
      open.href = link.href;
      open.textContent = template.replace("{title}", title.textContent);
      popover.appendChild(open);
    }
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    popover.style.left = "0px";
    popover.style.top = "0px";
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    var below = box.bottom + 8;
    var top = below + height > window.innerHeight && box.top - height - 8 > 0 ? box.top - height - 8 : below;
    popover.style.left = left + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function show(link, withLink) {
    clearTimeout(hideTimer);
    // A preview opened by a tap keeps its "Open" link: the hover and focus
    // that browsers emulate after a tap must not redraw it without.
    if (!withLink && touchOpened === link && !popover.hidden) return;
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    fill(link, withLink);
    popover.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", "term-preview");
  }

  function hide() {
    clearTimeout(showTimer);
    popover.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    touchOpened = null;
  }

  function hideSoon() {
    clearTimeout(showTimer);
    hideTimer = setTimeout(hide, 150);
  }

  Array.prototype.forEach.call(links, function (link) {
    // The title was the description without JavaScript; the popover takes over.
    link.dataset.summary = link.getAttribute("title");
    link.removeAttribute("title");
    link.addEventListener("mouseenter", function () {
      clearTimeout(hideTimer);
      if (lastPointer === "touch") return;
      showTimer = setTimeout(function () { show(link, false); }, 250);
    });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", function () { show(link, false); });
    link.addEventListener("blur", function () {
      // A tapped preview stays until the reader taps elsewhere or opens it.
      if (touchOpened !== link) hideSoon();
    });
    link.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType;
      if (event.pointerType === "touch" && touchOpened !== link) {
        link.dataset.touchPreview = "1";
      }
    });
    link.addEventListener("click", function (event) {
      if (link.dataset.touchPreview) {
        delete link.dataset.touchPreview;
        event.preventDefault();
        clearTimeout(showTimer);
        show(link, true);
        touchOpened = link;
      }
    });
  });
  popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  popover.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !popover.hidden) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (!popover.hidden && !popover.contains(event.target) && event.target !== current) hide();
  });
})();
