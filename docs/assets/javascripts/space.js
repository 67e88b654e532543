/*
 * My space: every record this guide keeps on the device (storage.js), in one list,
 * with a copy to save as a file and "Delete everything".
 *
 * The export file (version 1), documented in DESIGN.md ("Export file"):
 *     {"format": "turning-no-export", "version": 1,
 *      "site": {"root": "<the site's root path>", "name": "<site name>"},
 *      "exported": "<ISO time>", "count": <number of records>,
 *      "records": [{"kind", "id", "updated", "data"}, ...]}
 * The records are storage.js's, as stored. Everything a record holds is shown with
 * .textContent only.
 */
(function () {
  "use strict";

  if (window.TurningNo.space) return; // instant navigation runs scripts again
  window.TurningNo.space = true;
  var storage = window.TurningNo.storage;
  var FORMAT = "turning-no-export";
  var VERSION = 1;

  function day(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? "" : date.toLocaleDateString();
  }

  function item(list, href, name, detail) {
    var entry = document.createElement("li");
    var title = document.createElement(href ? "a" : "strong");
    if (href) title.href = href;
    title.textContent = name;
    var more = document.createElement("span");
    more.className = "space-list__detail";
    more.textContent = detail;
    entry.appendChild(title);
    entry.appendChild(more);
    list.appendChild(entry);
  }

  function answeredIn(answers) {
    return Object.keys(answers || {}).filter(function (id) {
      var value = answers[id];
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    }).length;
  }

  function render(section) {
    var list = section.querySelector(".space-list");
    while (list.firstChild) list.removeChild(list.firstChild);
    var records = storage.list();
    var drafts = records.filter(function (record) {
      return record.kind === "draft";
    });
    records.forEach(function (record) {
      var data = record.data || {};
      var date = day(record.updated);
      if (record.kind === "worksheet") {
        item(
          list,
          "../strategies/" + encodeURIComponent(record.id) + "/worksheet/",
          String(data.title || record.id),
          storage.text("space_worksheet", { answered: answeredIn(data.answers), date: date })
        );
      } else if (record.kind === "applications") {
        var rows = Array.isArray(data.rows) ? data.rows.length : 0;
        item(list, "../my-applications/", storage.text("space_log_name"), storage.text("space_log", { count: rows, date: date }));
      } else if (record.kind === "plan") {
        var steps = (Array.isArray(data.steps) ? data.steps : [])
          .map(function (step) {
            return String((step && step.title) || "");
          })
          .join(" ");
        item(list, "../", storage.text("space_plan_name"), storage.text("space_plan", { date: day(data.made || record.updated), steps: steps }));
      } else if (record.kind === "details") {
        item(list, "../emails/", storage.text("space_drafts_name"), storage.text("space_details", { date: date }));
      } else if (record.kind !== "draft") {
        item(list, null, record.kind, storage.text("space_other", { name: record.id, date: date }));
      }
    });
    if (drafts.length) {
      var newest = drafts
        .map(function (record) {
          return record.updated;
        })
        .sort()
        .pop();
      item(list, "../emails/", storage.text("space_drafts_name"), storage.text("space_drafts", { count: drafts.length, date: day(newest) }));
    }
    section.querySelector(".space-empty").hidden = records.length > 0;
    list.hidden = records.length === 0;
  }

  function exportFile(section, status) {
    var records = storage.list();
    var file = {
      format: FORMAT,
      version: VERSION,
      site: { root: storage.root(), name: document.title.split(" - ").pop() },
      exported: new Date().toISOString(),
      count: records.length,
      records: records
    };
    var name = "turning-no-" + file.exported.slice(0, 10) + ".json";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    link.download = name;
    section.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
    storage.say(status, storage.text("space_exported", { file: name }));
  }

  function setUp(section) {
    if (section.hasAttribute("data-ready")) return;
    section.setAttribute("data-ready", "");
    var status = section.querySelector(".space-status");
    storage.bindShared(section);
    section.querySelector("[data-space-action=export]").addEventListener("click", function () {
      exportFile(section, status);
    });
    section.querySelector("[data-space-action=delete]").addEventListener("click", function () {
      if (!window.confirm(storage.text("space_delete_confirm"))) return;
      storage.removeAll();
      render(section);
      storage.say(status, storage.text("space_deleted"));
    });
    render(section);
    section.hidden = false;
  }

  document$.subscribe(function () {
    document.querySelectorAll(".space").forEach(setUp);
  });
})();
