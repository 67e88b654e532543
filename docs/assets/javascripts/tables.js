/* A wide table scrolls sideways on a phone. Keyboard users must be able to
   scroll it too, so each scrolling wrapper becomes a focusable, named region
   (WCAG 2.1.1; axe: scrollable-region-focusable). Runs on every page change of
   Material's instant navigation (once: every bundle carries this script). */
window.TurningNo = window.TurningNo || {};
if (!window.TurningNo.tables) window.TurningNo.tables = document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.hasAttribute("tabindex")) return;
    var caption = wrap.querySelector("caption, th");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? "Table: " + caption.textContent.trim() : "Table");
  });
});
