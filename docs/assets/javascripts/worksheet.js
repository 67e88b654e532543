/*
 * Worksheets: keep the reader's answers on their own device.
 *
 * Every change is saved at once in this browser's localStorage, under the
 * worksheet's id (its strategy folder) and each field's id. Nothing is sent
 * anywhere. Answers to fields that a later version of the sheet renamed or
 * removed stay in storage and appear in the download; only "Clear answers"
 * deletes them.
 *
 * The HTML comes from turning_no/worksheet_fields.py and overrides/main.html;
 * without this script the sheet is still readable and prints blank.
 * Typed text is only ever written with .value or .textContent, never as HTML.
 */
(function () {
  "use strict";

  if (window.TurningNo.worksheet) return; // instant navigation runs scripts again
  window.TurningNo.worksheet = true;
  var storage = window.TurningNo.storage;

  var MESSAGES = {
    saved: "Saved on this device.",
    restored: "Your answers from before are back. They are saved on this device only.",
    cleared: "Your answers are cleared.",
    blocked:
      "This browser is not letting the page save. Your answers will be lost when you leave. " +
      "Use Download to keep a copy.",
    full:
      "This browser has no room left to save your answers. They will be lost when you leave. " +
      "Use Download to keep a copy."
  };

  function emptyRecord() {
    return { answers: {}, questions: {} };
  }

  function readRecord(id) {
    var record = storage.read("worksheet", id);
    if (record && typeof record.answers === "object" && record.answers !== null) {
      record.questions = record.questions || {};
      return record;
    }
    return emptyRecord();
  }

  /* The question, without its number (the download numbers the questions itself). */
  function labelText(field) {
    var label = field.querySelector(".ws-label");
    if (!label) return field.getAttribute("data-field");
    var number = label.querySelector(".ws-number");
    var text = label.textContent;
    if (number) text = text.replace(number.textContent, "");
    return text.trim();
  }

  /* --- Reading and writing each kind of field ---------------------------- */

  function tableBody(field) {
    return field.querySelector("tbody");
  }

  function columnNames(field) {
    return Array.prototype.map.call(field.querySelectorAll("thead th"), function (cell) {
      return cell.textContent.trim();
    });
  }

  /* A new table row, built like turning_no.worksheet_fields.table_row builds them. */
  function addRow(field) {
    var body = tableBody(field);
    var number = body.rows.length + 1;
    var id = field.getAttribute("data-field");
    var row = document.createElement("tr");
    columnNames(field).forEach(function (column, index) {
      var cellId = "ws-" + id + "-r" + number + "-c" + (index + 1);
      var cell = document.createElement("td");
      var label = document.createElement("span");
      label.className = "ws-cell-label";
      label.id = cellId + "-label";
      label.setAttribute("aria-hidden", "true");
      label.textContent = column + ", row " + number;
      var input = document.createElement("input");
      input.type = "text";
      input.id = cellId;
      input.setAttribute("aria-labelledby", label.id);
      input.name = id + "-r" + number + "-c" + (index + 1);
      var paper = document.createElement("span");
      paper.className = "ws-print-value";
      paper.setAttribute("aria-hidden", "true");
      cell.appendChild(label);
      cell.appendChild(input);
      cell.appendChild(paper);
      row.appendChild(cell);
    });
    body.appendChild(row);
    return row;
  }

  function getValue(field) {
    var kind = field.getAttribute("data-kind");
    if (kind === "checklist") {
      return Array.prototype.filter
        .call(field.querySelectorAll("input[type=checkbox]"), function (box) {
          return box.checked;
        })
        .map(function (box) {
          return storage.slug(field.querySelector("label[for='" + box.id + "']").textContent.trim());
        });
    }
    if (kind === "scale") {
      var chosen = field.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : "";
    }
    if (kind === "table") {
      // One query for the whole table, not one per row, so a save on each key stays fast with 200
      // rows. Every row has one input per column (worksheet_fields.table_row and addRow).
      var body = tableBody(field);
      var inputs = body.querySelectorAll("input");
      var perRow = body.rows.length ? inputs.length / body.rows.length : 0;
      var rows = [];
      for (var start = 0; start < inputs.length; start += perRow) {
        rows.push(
          Array.prototype.slice.call(inputs, start, start + perRow).map(function (input) {
            return input.value;
          })
        );
      }
      return rows;
    }
    return field.querySelector("input, textarea").value;
  }

  function setValue(field, value) {
    var kind = field.getAttribute("data-kind");
    if (kind === "checklist") {
      var chosen = Array.isArray(value) ? value : [];
      field.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var label = field.querySelector("label[for='" + box.id + "']");
        box.checked = chosen.indexOf(storage.slug(label.textContent.trim())) !== -1;
      });
    } else if (kind === "scale") {
      field.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = radio.value === String(value);
      });
    } else if (kind === "table") {
      var rows = Array.isArray(value) ? value : [];
      while (tableBody(field).rows.length < rows.length) addRow(field);
      Array.prototype.forEach.call(tableBody(field).rows, function (row, rowIndex) {
        row.querySelectorAll("input").forEach(function (input, cellIndex) {
          var saved = rows[rowIndex] && rows[rowIndex][cellIndex];
          input.value = typeof saved === "string" ? saved : "";
        });
      });
    } else {
      field.querySelector("input, textarea").value = typeof value === "string" ? value : "";
    }
    showOnPaper(field);
  }

  function isEmpty(value) {
    if (Array.isArray(value)) {
      return value.every(function (item) {
        return Array.isArray(item) ? isEmpty(item) : !item;
      });
    }
    return !value;
  }

  /* Paper shows the typed answer in place of the ruled lines (print cannot show a scrolled box). */
  function showOnPaper(field, control) {
    var controls = control ? [control] : field.querySelectorAll("input[type=text], input[type=date], textarea");
    Array.prototype.forEach.call(controls, function (each) {
      var paper = each.parentNode.querySelector(".ws-print-value");
      if (!paper) return;
      paper.textContent = each.value;
      (each.closest("td") || field).classList.toggle("is-filled", each.value.trim() !== "");
    });
  }

  /* make bench reads this measure: from the keystroke (the event's time) to the
     answer saved. One entry is kept, so a long session does not pile them up. */
  function measureSave(event) {
    if (!window.performance || !performance.measure) return;
    try {
      performance.clearMeasures("worksheet-save");
      performance.measure("worksheet-save", { start: event.timeStamp });
    } catch (error) {
      /* A browser without User Timing Level 3: nothing to measure, nothing lost. */
    }
  }

  /* --- One worksheet on the page ------------------------------------------ */

  function setUp(sheet) {
    if (sheet.getAttribute("data-ready")) return;
    sheet.setAttribute("data-ready", "true");
    var sheetId = sheet.getAttribute("data-worksheet");
    var store = storage.available();
    var record = readRecord(sheetId);
    var fields = Array.prototype.slice.call(sheet.querySelectorAll(".ws-field[data-field]"));
    var toolbar = sheet.querySelector(".ws-toolbar");
    var status = sheet.querySelector(".ws-status");

    function say(message, warning) {
      if (status.textContent !== message) status.textContent = message;
      toolbar.classList.toggle("is-warning", Boolean(warning));
    }

    function save(field) {
      var id = field.getAttribute("data-field");
      var value = getValue(field);
      if (isEmpty(value)) {
        delete record.answers[id];
      } else {
        record.answers[id] = value;
        record.questions[id] = labelText(field);
      }
      record.title = sheet.getAttribute("data-title");
      var result = storage.write("worksheet", sheetId, record);
      say(storage.savedMessage(result), result !== "saved");
    }

    fields.forEach(function (field) {
      var id = field.getAttribute("data-field");
      if (Object.prototype.hasOwnProperty.call(record.answers, id)) {
        setValue(field, record.answers[id]);
      }
      var handler = function (event) {
        // Only the control typed in changes: a log of 200 rows is not redrawn on every key.
        showOnPaper(field, event.target.matches("input[type=text], input[type=date], textarea") ? event.target : null);
        save(field);
        measureSave(event);
      };
      field.addEventListener("input", handler);
      field.addEventListener("change", handler);
      if (field.getAttribute("data-kind") === "table") {
        var add = document.createElement("button");
        add.type = "button";
        add.className = "md-button ws-add-row";
        add.textContent = "Add a row";
        add.setAttribute("aria-describedby", field.querySelector(".ws-label").id);
        add.addEventListener("click", function () {
          var row = addRow(field);
          row.querySelector("input").focus();
        });
        field.appendChild(add);
      }
    });

    toolbar.hidden = false;
    if (!store) {
      say(storage.savedMessage("blocked"), true);
    } else if (Object.keys(record.answers).length) {
      say(MESSAGES.restored, false);
    }

    toolbar.querySelector("[data-ws-action=print]").addEventListener("click", function () {
      window.print();
    });
    toolbar.querySelector("[data-ws-action=download]").addEventListener("click", function () {
      fields.forEach(function (field) {
        var value = getValue(field);
        if (!isEmpty(value)) record.answers[field.getAttribute("data-field")] = value;
      });
      download(sheet, fields, record);
    });
    toolbar.querySelector("[data-ws-action=clear]").addEventListener("click", function () {
      if (!window.confirm("Clear all your answers on this worksheet? This cannot be undone.")) return;
      record = emptyRecord();
      fields.forEach(function (field) {
        setValue(field, field.getAttribute("data-kind") === "table" ? [] : "");
      });
      storage.remove("worksheet", sheetId);
      say(MESSAGES.cleared, false);
    });
  }

  /* --- Download: the questions and answers as a plain-text file ---------- */

  function answerText(field, value) {
    var kind = field ? field.getAttribute("data-kind") : null;
    if (isEmpty(value)) return "(no answer)";
    if (kind === "scale") return value + " out of 5";
    if (Array.isArray(value) && Array.isArray(value[0])) {
      var columns = field ? columnNames(field) : [];
      return value
        .filter(function (row) {
          return !isEmpty(row);
        })
        .map(function (row, index) {
          return (
            "- Row " + (index + 1) + ": " +
            row
              .map(function (cell, cellIndex) {
                return (columns[cellIndex] || "Column " + (cellIndex + 1)) + ": " + (cell || "-");
              })
              .join("; ")
          );
        })
        .join("\n");
    }
    if (Array.isArray(value)) {
      var labels = {};
      if (field) {
        field.querySelectorAll("label[for]").forEach(function (label) {
          labels[storage.slug(label.textContent.trim())] = label.textContent.trim();
        });
      }
      return value
        .map(function (item) {
          return "- [x] " + (labels[item] || item);
        })
        .join("\n");
    }
    return String(value);
  }

  function download(sheet, fields, record) {
    var title = sheet.getAttribute("data-title");
    var lines = [title, "From " + document.title.split(" - ").pop() + ": " + window.location.href.split("#")[0]];
    lines.push("Downloaded " + new Date().toLocaleDateString(), "");
    var onPage = {};
    fields.forEach(function (field, index) {
      var id = field.getAttribute("data-field");
      onPage[id] = true;
      lines.push(index + 1 + ". " + labelText(field), answerText(field, record.answers[id]), "");
    });
    var older = Object.keys(record.answers).filter(function (id) {
      return !onPage[id];
    });
    if (older.length) {
      lines.push("Answers to questions that are no longer on this sheet", "");
      older.forEach(function (id) {
        lines.push(record.questions[id] || id, answerText(null, record.answers[id]), "");
      });
    }
    var file = new Blob([lines.join("\n")], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = slug(title) + ".txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  function slug(text) {
    return (
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "worksheet"
    );
  }

  /* Material's instant navigation swaps the page without a reload: set up each new page. */
  function setUpAll() {
    document.querySelectorAll(".worksheet[data-worksheet]").forEach(setUp);
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUpAll);
  } else {
    document.addEventListener("DOMContentLoaded", setUpAll);
  }
})();
