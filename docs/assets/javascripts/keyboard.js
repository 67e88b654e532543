/*
 * The keyboard in Material's menu drawer and search, on every page.
 *
 * Material opens its menu drawer, the menu's sections and its search with hidden
 * checkboxes and the <label>s that tick them. A keyboard cannot reach a label, and
 * what a closed drawer or panel hides stays in the tab order: at 640 px (a laptop at
 * 200% zoom) Tab walked through about 25 links of the closed drawer, off screen.
 * This script:
 *
 * - makes what is closed inert (out of the tab order and hidden from screen
 *   readers), and gives it back when it opens: the drawer below 1220 px, the menu
 *   sections in it that are not open, and the search box below 960 px, where it is
 *   a full-screen overlay; the empty results panel whenever the search is closed;
 * - lets the keyboard reach the labels that open and close them (Enter or Space),
 *   says whether each is open (aria-expanded), moves focus into what opens and
 *   back to its button when it closes, and closes with Escape;
 * - stops a Tab onto the search box from opening the search overlay: typing in
 *   the box opens it, as a click or a search key (/, s, f) still does.
 *
 * It writes no text of its own: each button is named by what the page already
 * says, in the site's language (Material's labels, the menu's headings). Material's
 * instant navigation replaces the menu on every page: setUp runs for each page.
 */
(function () {
  "use strict";

  // Every bundle carries this script, and instant navigation runs a page's scripts again.
  window.TurningNo = window.TurningNo || {};
  if (window.TurningNo.keyboard) return;
  window.TurningNo.keyboard = true;

  var drawerWidth = window.matchMedia("(max-width: 76.1875em)"); // Material's drawer, below 1220 px
  var overlayWidth = window.matchMedia("(max-width: 59.9375em)"); // its full-screen search, below 960 px
  var MARK = "data-keyboard-inert"; // what this script made inert, to give back

  function byId(id) {
    return document.getElementById(id);
  }
  function drawerToggle() {
    return byId("__drawer");
  }
  function searchToggle() {
    return byId("__search");
  }
  function drawer() {
    return document.querySelector(".md-sidebar--primary");
  }
  function primaryMenu() {
    return document.querySelector(".md-sidebar--primary .md-nav--primary");
  }
  function searchBox() {
    return document.querySelector(".md-search__inner");
  }
  function searchResults() {
    return document.querySelector(".md-search__output");
  }
  function searchInput() {
    return document.querySelector(".md-search__input");
  }
  function headerButton(id) {
    return document.querySelector(".md-header label.md-header__button[for='" + id + "']");
  }

  function tabbable(root) {
    var all = root.querySelectorAll("a[href], button, input, select, textarea, [tabindex]");
    for (var i = 0; i < all.length; i++) {
      var each = all[i];
      if (each.tabIndex < 0 || each.disabled || each.closest("[inert]")) continue;
      var box = each.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return each;
    }
    return null;
  }

  /* --- The menu's panels: a checkbox in a list item opens the <nav> beside it. */

  function panelOf(toggle) {
    var panel = toggle.parentElement.querySelector(":scope > nav.md-nav");
    return panel && getComputedStyle(panel).display !== "none" ? panel : null;
  }
  function toggleOf(panel) {
    return panel.parentElement.querySelector(":scope > .md-nav__toggle");
  }
  function openerOf(panel) {
    var toggle = toggleOf(panel);
    return toggle && panel.parentElement.querySelector(":scope label.md-nav__link[for='" + toggle.id + "']");
  }
  function parentPanel(panel) {
    return panel.parentElement.closest("nav.md-nav");
  }

  /* The panel a reader sees in the open drawer: the deepest one whose switch is on. */
  function shownPanel() {
    var panel = primaryMenu();
    var deeper = true;
    while (panel && deeper) {
      deeper = false;
      var list = panel.querySelector(":scope > .md-nav__list");
      var items = list ? list.children : [];
      for (var i = 0; i < items.length; i++) {
        var toggle = items[i].querySelector(":scope > .md-nav__toggle");
        var inner = toggle && toggle.checked && panelOf(toggle);
        if (inner) {
          panel = inner;
          deeper = true;
          break;
        }
      }
    }
    return panel;
  }

  function makeInert(element) {
    if (!element || element.inert) return;
    element.inert = true;
    element.setAttribute(MARK, "");
  }

  function giveBack() {
    document.querySelectorAll("[" + MARK + "]").forEach(function (element) {
      element.inert = false;
      element.removeAttribute(MARK);
    });
  }

  /* Everything the drawer shows is usable; everything it hides is inert. */
  function refreshDrawer() {
    var sidebar = drawer();
    var menu = primaryMenu();
    if (!sidebar || !menu) return;
    var asDrawer = drawerWidth.matches;
    var open = drawerToggle().checked;
    if (asDrawer && !open) makeInert(sidebar);
    if (!asDrawer || !open) return;
    var shown = shownPanel();
    // A panel covers the one it opened from: that one's items, its heading and its
    // own opener row are hidden behind it.
    for (var panel = shown; panel && panel !== menu; panel = parentPanel(panel)) {
      var item = panel.parentElement;
      Array.prototype.forEach.call(item.parentElement.children, function (sibling) {
        if (sibling !== item) makeInert(sibling);
      });
      Array.prototype.forEach.call(item.children, function (child) {
        if (child !== panel && !child.classList.contains("md-nav__toggle")) makeInert(child);
      });
      makeInert(parentPanel(panel).querySelector(":scope > .md-nav__title"));
    }
    // Panels inside the shown one that are closed.
    shown.querySelectorAll("nav.md-nav").forEach(function (inner) {
      var toggle = toggleOf(inner);
      if (toggle && !toggle.checked) makeInert(inner);
    });
  }

  function refreshSearch() {
    var open = searchToggle() && searchToggle().checked;
    if (!open && overlayWidth.matches) makeInert(searchBox());
    if (!open) makeInert(searchResults());
  }

  /* The labels that work as buttons, and whether each one's switch is on. */
  function buttons() {
    var found = [];
    var drawerButton = headerButton("__drawer");
    var searchButton = headerButton("__search");
    if (drawerButton) found.push(drawerButton);
    if (searchButton) found.push(searchButton);
    if (drawerWidth.matches) {
      // Openers and the "back" headings of the drawer's panels; not the drawer's
      // own heading, which holds the logo link.
      document
        .querySelectorAll(".md-sidebar--primary label.md-nav__link[for], .md-sidebar--primary label.md-nav__title[for]")
        .forEach(function (label) {
          if (label.htmlFor !== "__drawer") found.push(label);
        });
    }
    return found;
  }

  function nameOf(label) {
    if (label.textContent.trim()) return null; // its own words name it
    if (label.htmlFor === "__drawer") return primaryMenu() && primaryMenu().getAttribute("aria-label");
    if (label.htmlFor === "__search") return searchInput() && searchInput().getAttribute("aria-label");
    var toggle = byId(label.htmlFor);
    var panel = toggle && toggle.parentElement.querySelector(":scope > nav.md-nav");
    return panel && panel.getAttribute("aria-label");
  }

  function refreshButtons() {
    var current = buttons();
    document.querySelectorAll("[data-keyboard-button]").forEach(function (label) {
      if (current.indexOf(label) !== -1) return;
      ["data-keyboard-button", "role", "tabindex", "aria-expanded", "aria-label"].forEach(function (name) {
        label.removeAttribute(name);
      });
    });
    current.forEach(function (label) {
      var toggle = byId(label.htmlFor);
      if (!toggle) return;
      label.setAttribute("data-keyboard-button", "");
      label.setAttribute("role", "button");
      label.tabIndex = 0;
      label.setAttribute("aria-expanded", String(toggle.checked));
      var name = nameOf(label);
      if (name) label.setAttribute("aria-label", name);
    });
  }

  function refresh() {
    giveBack();
    refreshDrawer();
    refreshSearch();
    refreshButtons();
  }

  /* --- What the keyboard does ------------------------------------------------ */

  var tabbing = false; // the focus that is arriving came from the Tab key
  var fromKeyboard = false; // the last thing the reader did was press a key

  function focusAfter(element) {
    // After the browser has applied the switch and this script the new state.
    window.requestAnimationFrame(function () {
      if (element) element.focus();
    });
  }

  function press(label) {
    var toggle = byId(label.htmlFor);
    if (!toggle) return;
    var opening = !toggle.checked;
    if (label.htmlFor === "__search" && opening) searchBox().inert = false; // Material focuses the box on click
    label.click();
    if (label.htmlFor === "__search") return; // Material moves focus into the search
    if (label.htmlFor === "__drawer") {
      focusAfter(opening ? tabbable(shownPanel()) : label);
      return;
    }
    var panel = toggle.parentElement.querySelector(":scope > nav.md-nav");
    focusAfter(opening ? tabbable(panel) : openerOf(panel));
  }

  function onKeydown(event) {
    tabbing = event.key === "Tab";
    fromKeyboard = true;
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target.hasAttribute && target.hasAttribute("data-keyboard-button")) {
      // Material's own Enter handler would click the label a second time.
      event.preventDefault();
      event.stopPropagation();
      press(target);
      return;
    }
    if (event.key === "Escape" && drawerWidth.matches && drawerToggle().checked && !searchToggle().checked) {
      var shown = shownPanel();
      var sidebar = drawer();
      if (shown && shown !== primaryMenu() && sidebar.contains(document.activeElement)) {
        var opener = openerOf(shown);
        toggleOf(shown).click();
        focusAfter(opener);
      } else {
        drawerToggle().click();
        focusAfter(headerButton("__drawer"));
      }
      event.preventDefault();
    }
  }

  /* Material's search keys focus the search box; below 960 px it is inert until then. */
  function onSearchKey(event) {
    if (["/", "s", "f"].indexOf(event.key) === -1 || searchToggle().checked || !overlayWidth.matches) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var box = searchBox();
    if (!box) return;
    box.inert = false;
    window.setTimeout(refresh, 100); // inert again if the key went to a field instead
  }

  /* A Tab onto the search box would open Material's search overlay: Material, which
     reads where focus is on every focusin and focusout, is not told of this move. */
  function tabbedOntoSearch(element) {
    return tabbing && element && element === searchInput() && !searchToggle().checked;
  }
  function onFocusOut(event) {
    if (tabbedOntoSearch(event.relatedTarget)) event.stopPropagation();
  }

  function onFocusIn(event) {
    if (tabbedOntoSearch(event.target)) event.stopPropagation();
    // Focus that leaves the open drawer closes it, so nothing hides behind it.
    var sidebar = drawer();
    if (drawerWidth.matches && drawerToggle().checked && sidebar && !sidebar.contains(event.target)) {
      if (event.target !== headerButton("__drawer")) drawerToggle().click();
    }
  }

  /* Typing in the search box opens the search, as focusing it used to. */
  function onInput(event) {
    if (event.target === searchInput() && !searchToggle().checked) searchToggle().click();
  }

  /* A search closed from the keyboard gives focus back to its button on a small screen. */
  function onChange(event) {
    var target = event.target;
    if (!target.classList || !target.classList.contains("md-toggle")) return;
    var lost = !document.activeElement || document.activeElement === document.body;
    var wasInSearch = target === searchToggle() && !target.checked && searchBox().contains(document.activeElement);
    refresh();
    if (fromKeyboard && overlayWidth.matches && (wasInSearch || (lost && target === searchToggle() && !target.checked))) {
      focusAfter(headerButton("__search"));
    }
  }

  document.addEventListener("keydown", onKeydown);
  window.addEventListener("keydown", onSearchKey, true);
  window.addEventListener("focusin", onFocusIn, true);
  window.addEventListener("focusout", onFocusOut, true);
  document.addEventListener(
    "pointerdown",
    function () {
      tabbing = false;
      fromKeyboard = false;
    },
    true
  );
  document.addEventListener("input", onInput);
  document.addEventListener("change", onChange);
  drawerWidth.addEventListener("change", refresh);
  overlayWidth.addEventListener("change", refresh);

  if (typeof document$ !== "undefined") {
    document$.subscribe(refresh);
  } else {
    document.addEventListener("DOMContentLoaded", refresh);
  }
})();
