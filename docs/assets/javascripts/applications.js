/*
 * My applications (docs/my-applications.md): a log of the reader's job applications,
 * kept on their own device by storage.js, as one record:
 *
 *     kind "applications", id ""   data = {
 *       rows: [{id, organization, role, applied, stage, outcome, feedback, learned,
 *               next, updated, decided}],
 *       hideSummary: false
 *     }
 *
 * id is a random id made when the row is added, and never changes. applied is
 * YYYY-MM-DD (or ""). stage and outcome are the ids of STAGES and OUTCOMES, never their
 * words (the words come from the config: extra.text.script.my-applications, stage_<id>
 * and outcome_<id>). updated is the ISO time of the row's last change; decided is the
 * day (YYYY-MM-DD) its outcome last changed, for "days since your last no" (absent on
 * rows that never had one).
 *
 * The page's HTML is in the Markdown: the summary, the list, a <template> of one card
 * and a table that only shows on paper. Everything the reader types is written with
 * .value or .textContent, never as markup.
 */
(function () {
  "use strict";

  window.TurningNo = window.TurningNo || {};
  if (window.TurningNo.applications) return; // instant navigation runs scripts again
  window.TurningNo.applications = true;

  var KIND = "applications";
  var STAGES = ["applied", "phone", "interview", "final", "offer"]; // in the order reached
  var OUTCOMES = ["waiting", "no-answer", "turned-down", "offer", "withdrew"];
  var FIELDS = ["organization", "role", "applied", "stage", "outcome", "feedback", "learned", "next"];
  var DAY = 24 * 60 * 60 * 1000;

  function storage() {
    return window.TurningNo.storage;
  }

  function words(name, values) {
    return storage().text(name, values);
  }

  function newId() {
    var bytes = new Uint8Array(8);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(Math.random() * 256);
    }
    return Array.prototype.map
      .call(bytes, function (byte) {
        return ("0" + byte.toString(16)).slice(-2);
      })
      .join("");
  }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
  }

  /* A kept row, with every field a string and unknown stage or outcome ids left as the first. */
  function cleanRow(row) {
    var clean = {};
    FIELDS.forEach(function (field) {
      clean[field] = row && typeof row[field] === "string" ? row[field] : "";
    });
    if (STAGES.indexOf(clean.stage) === -1) clean.stage = STAGES[0];
    if (OUTCOMES.indexOf(clean.outcome) === -1) clean.outcome = OUTCOMES[0];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(clean.applied)) clean.applied = "";
    clean.id = row && typeof row.id === "string" && row.id ? row.id : newId();
    clean.updated = row && typeof row.updated === "string" ? row.updated : new Date().toISOString();
    if (row && typeof row.decided === "string") clean.decided = row.decided;
    return clean;
  }

  function load() {
    var data = storage().read(KIND, "");
    var rows = data && Array.isArray(data.rows) ? data.rows.map(cleanRow) : [];
    return { rows: rows, hideSummary: Boolean(data && data.hideSummary) };
  }

  /* The days from a YYYY-MM-DD day to today, in the reader's own time zone. */
  function daysSince(day) {
    var parts = day.split("-");
    var then = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    var now = new Date();
    var start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return Math.max(0, Math.round((start - then) / DAY));
  }

  /* A YYYY-MM-DD day written the reader's way (for paper). */
  function showDay(day) {
    if (!day) return "";
    var parts = day.split("-");
    var date = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    try {
      return date.toLocaleDateString(document.documentElement.lang || undefined, {
        year: "numeric",
        month: "short",
        day: "numeric"
      });
    } catch (error) {
      return day;
    }
  }

  function rowName(row) {
    var organization = row.organization.trim();
    var role = row.role.trim();
    if (organization && role) return words("row_named", { organization: organization, role: role });
    return organization || role || words("row_new");
  }

  function setUp(root) {
    if (root.hasAttribute("data-apps-ready")) return;
    root.setAttribute("data-apps-ready", "");
    var state = load();
    var list = root.querySelector("[data-apps-list]");
    var template = root.querySelector("template[data-apps-row]");
    var status = root.querySelector("[data-apps-status]");
    var undo = root.querySelector("[data-apps-undo]");
    var summary = root.querySelector("[data-apps-summary]");
    var toggle = root.querySelector("[data-apps-toggle]");
    var empty = root.querySelector("[data-apps-empty]");
    var printRows = root.querySelector("[data-apps-print-rows]");
    var removed = null; // {row, index}: the last row removed, until Undo or the next change

    function save(quiet) {
      var result = storage().write(KIND, "", { rows: state.rows, hideSummary: state.hideSummary });
      if (result !== "saved" || !quiet) storage().say(status, message(result), result !== "saved");
      return result;
    }

    /* Saved, or why not: this page's own words, since the way to keep a copy here is Print. */
    function message(result) {
      if (result === "blocked") return words("not_kept");
      if (result === "full") return words("no_room");
      return storage().savedMessage(result);
    }

    function forgetRemoved() {
      removed = null;
      undo.hidden = true;
    }

    /* The numbers at the top: every application, how far they went, and the last no. */
    function drawSummary() {
      var counts = { applications: state.rows.length, interviews: 0, finals: 0, offers: 0 };
      var lastNo = "";
      state.rows.forEach(function (row) {
        var reached = STAGES.indexOf(row.stage);
        if (reached >= STAGES.indexOf("interview")) counts.interviews += 1;
        if (reached >= STAGES.indexOf("final")) counts.finals += 1;
        if (row.outcome === "offer" || row.stage === "offer") counts.offers += 1;
        if (row.outcome === "turned-down") {
          var day = row.decided || row.updated.slice(0, 10);
          if (day > lastNo) lastNo = day;
        }
      });
      Object.keys(counts).forEach(function (name) {
        root.querySelector('[data-apps-count="' + name + '"]').textContent = String(counts[name]);
      });
      root.querySelector("[data-apps-almosts]").hidden = counts.finals === 0;
      var days = lastNo ? daysSince(lastNo) : -1;
      root.querySelector("[data-apps-last-no]").textContent =
        days < 0 ? words("last_no_none") : days === 0 ? words("last_no_today") : words("last_no", { n: days });
      summary.hidden = state.hideSummary;
      toggle.textContent = words(state.hideSummary ? "show_summary" : "hide_summary");
      toggle.setAttribute("aria-expanded", state.hideSummary ? "false" : "true");
      empty.hidden = state.rows.length > 0;
    }

    /* The table that shows on paper instead of the cards. */
    function drawPrint() {
      while (printRows.firstChild) printRows.removeChild(printRows.firstChild);
      state.rows.forEach(function (row) {
        var line = document.createElement("tr");
        var cells = [
          rowName(row),
          showDay(row.applied),
          words("stage_" + row.stage),
          words("outcome_" + row.outcome),
          row.feedback,
          row.learned,
          row.next
        ];
        cells.forEach(function (value) {
          var cell = document.createElement("td");
          cell.textContent = value;
          line.appendChild(cell);
        });
        printRows.appendChild(line);
      });
    }

    function drawTitle(card, row) {
      card.querySelector("[data-apps-title]").textContent = rowName(row);
      card.querySelector("[data-apps-remove]").setAttribute("aria-label", words("remove_named", { name: rowName(row) }));
    }

    function makeCard(row) {
      var card = template.content.firstElementChild.cloneNode(true);
      card.setAttribute("data-row", row.id);
      card.querySelectorAll("select[data-options]").forEach(function (select) {
        var kind = select.getAttribute("data-options");
        (kind === "stage" ? STAGES : OUTCOMES).forEach(function (id) {
          var option = document.createElement("option");
          option.value = id;
          option.textContent = words(kind + "_" + id);
          select.appendChild(option);
        });
      });
      card.querySelectorAll("[data-for]").forEach(function (label) {
        var field = label.getAttribute("data-for");
        var input = card.querySelector('[data-field="' + field + '"]');
        input.id = "app-" + row.id + "-" + field;
        label.setAttribute("for", input.id);
        input.value = row[field];
        var event = input.tagName === "SELECT" || input.type === "date" ? "change" : "input";
        input.addEventListener(event, function () {
          if (row[field] === input.value) return;
          row[field] = input.value;
          row.updated = new Date().toISOString();
          if (field === "outcome") row.decided = today();
          forgetRemoved();
          drawTitle(card, row);
          drawSummary();
          drawPrint();
          save(true);
        });
      });
      card.querySelector("[data-apps-remove]").addEventListener("click", function () {
        var index = state.rows.indexOf(row);
        if (index === -1) return;
        state.rows.splice(index, 1);
        removed = { row: row, index: index };
        card.parentNode.removeChild(card);
        drawSummary();
        drawPrint();
        var result = save(true);
        if (result === "saved") storage().say(status, words("removed", { name: rowName(row) }));
        undo.hidden = false;
        undo.focus();
      });
      drawTitle(card, row);
      return card;
    }

    function drawList() {
      while (list.firstChild) list.removeChild(list.firstChild);
      state.rows.forEach(function (row) {
        list.appendChild(makeCard(row));
      });
    }

    root.querySelector("[data-apps-add]").addEventListener("click", function () {
      forgetRemoved();
      var row = cleanRow({ applied: today() });
      state.rows.push(row);
      var card = makeCard(row);
      list.appendChild(card);
      drawSummary();
      drawPrint();
      var result = save(true);
      if (result === "saved") storage().say(status, words("added"));
      card.querySelector('[data-field="organization"]').focus();
    });

    undo.addEventListener("click", function () {
      if (!removed) return;
      var row = removed.row;
      state.rows.splice(Math.min(removed.index, state.rows.length), 0, row);
      forgetRemoved();
      drawList();
      drawSummary();
      drawPrint();
      var result = save(true);
      if (result === "saved") storage().say(status, words("restored", { name: rowName(row) }));
      var card = list.querySelector('[data-row="' + row.id + '"]');
      if (card) card.querySelector('[data-field="organization"]').focus();
    });

    toggle.addEventListener("click", function () {
      state.hideSummary = !state.hideSummary;
      drawSummary();
      var result = save(true);
      if (result === "saved") storage().say(status, words(state.hideSummary ? "summary_hidden" : "summary_shown"));
    });

    root.querySelector("[data-apps-print]").addEventListener("click", function () {
      window.print();
    });

    document.querySelectorAll("[data-apps-shared]").forEach(function (shared) {
      storage().bindShared(shared);
      shared.hidden = false;
    });

    drawList();
    drawSummary();
    drawPrint();
    root.hidden = false;
    if (!storage().available()) storage().say(status, words("not_kept"), true);
  }

  function start() {
    document.querySelectorAll("[data-apps]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
