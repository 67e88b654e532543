/*
 * Worksheets: keep the reader's answers on their own device.
 *
 * Every change is saved at once through storage.js, as the record
 * "worksheet:<strategy folder>" (storage.js says where and how):
 *
 *     {answers: {<field id>: value}, questions: {<field id>: the question's words}, title}
 *
 * A value is, by the field's kind: short, long, date ("2025-05-12"), scale ("1" to "5"):
 * a string; checklist: the ids of the ticked items (their data-item, which
 * turning_no.markdown.worksheet_fields makes from the item's words); table: one array
 * of cell strings per row, in the rows' order, empty rows kept (so a row keeps its number).
 * Nothing is sent anywhere. Answers to fields that a later version of the sheet renamed
 * or removed stay in the record and appear in the download; only "Clear answers"
 * deletes them.
 *
 * The HTML comes from turning_no/markdown/worksheet_fields.py (the fields, and the
 * <template> of a table's added row) and overrides/main.html (the toolbar); every word
 * comes from the page (extra.text.script.worksheet, through storage.text). Without this
 * script the sheet is still readable and prints blank.
 * Typed text is only ever written with .value or .textContent, never as HTML.
 */
(function () {
  "use strict";

  if (window.TurningNo.worksheet) return; // instant navigation runs scripts again
  window.TurningNo.worksheet = true;
  var storage = window.TurningNo.storage;
  var text = storage.text;

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
    var words = label.textContent;
    if (number) words = words.replace(number.textContent, "");
    return words.trim();
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

  /* A new table row: a copy of the field's <template> (worksheet_fields.table_row), with
     the row's number where the template says {row}. */
  function addRow(field) {
    var body = tableBody(field);
    var number = String(body.rows.length + 1);
    var row = field.querySelector("template.ws-row-template").content.firstElementChild.cloneNode(true);
    Array.prototype.forEach.call(row.querySelectorAll("[id], [name], [aria-labelledby]"), function (element) {
      ["id", "name", "aria-labelledby"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (value !== null) element.setAttribute(name, value.split("{row}").join(number));
      });
    });
    Array.prototype.forEach.call(row.querySelectorAll(".ws-cell-label"), function (label) {
      label.textContent = label.textContent.split("{row}").join(number);
    });
    body.appendChild(row);
    return row;
  }

  /* "2025-05-12" as the reader writes dates (their browser's language); other text as it is. */
  function readerDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (!parts) return String(value);
    return new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])).toLocaleDateString();
  }

  function getValue(field) {
    var kind = field.getAttribute("data-kind");
    if (kind === "checklist") {
      return Array.prototype.filter
        .call(field.querySelectorAll("input[type=checkbox]"), function (box) {
          return box.checked;
        })
        .map(function (box) {
          return box.getAttribute("data-item");
        });
    }
    if (kind === "scale") {
      var chosen = field.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : "";
    }
    if (kind === "table") {
      // One query for the whole table, not one per row, so a save on each key stays fast with 200
      // rows. Every row has one input per column (worksheet_fields.table_row, and its template).
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
        box.checked = chosen.indexOf(box.getAttribute("data-item")) !== -1;
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
      paper.textContent = each.type === "date" && each.value ? readerDate(each.value) : each.value;
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
    storage.bindShared(sheet);

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
        add.textContent = text("add_row");
        add.setAttribute("aria-describedby", field.querySelector(".ws-label").id);
        add.addEventListener("click", function () {
          var row = addRow(field);
          row.querySelector("input").focus();
        });
        field.appendChild(add);
      }
    });

    toolbar.hidden = false;
    sheet.querySelector(".ws-privacy").hidden = false;
    if (!store) {
      say(storage.savedMessage("blocked"), true);
    } else if (Object.keys(record.answers).length) {
      say(text(storage.isShared() ? "restored_tab" : "restored"), false);
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
      if (!window.confirm(text("clear_confirm"))) return;
      record = emptyRecord();
      fields.forEach(function (field) {
        setValue(field, field.getAttribute("data-kind") === "table" ? [] : "");
      });
      storage.remove("worksheet", sheetId);
      say(text("cleared"), false);
    });
  }

  /* --- Download: the questions and answers as a plain-text file ---------- */

  function answerText(field, value) {
    var kind = field ? field.getAttribute("data-kind") : null;
    if (isEmpty(value)) return text("no_answer");
    if (kind === "scale") return text("out_of", { n: value });
    if (Array.isArray(value) && Array.isArray(value[0])) {
      var columns = field ? columnNames(field) : [];
      var lines = [];
      value.forEach(function (row, index) {
        if (isEmpty(row)) return; // the rows keep the numbers the reader sees on the sheet
        var cells = row.map(function (cell, cellIndex) {
          var column = columns[cellIndex] || text("column", { n: cellIndex + 1 });
          return column + ": " + (cell || "-");
        });
        lines.push("- " + text("row", { n: index + 1 }) + ": " + cells.join("; "));
      });
      return lines.join("\n");
    }
    if (Array.isArray(value)) {
      var labels = {};
      if (field) {
        field.querySelectorAll("input[data-item]").forEach(function (box) {
          var label = field.querySelector("label[for='" + box.id + "']");
          labels[box.getAttribute("data-item")] = label ? label.textContent.trim() : "";
        });
      }
      return value
        .map(function (item) {
          return text("checked", { item: labels[item] || item });
        })
        .join("\n");
    }
    return kind === "date" || !field ? readerDate(value) : String(value);
  }

  function download(sheet, fields, record) {
    var title = sheet.getAttribute("data-title");
    var address = window.location.href.split("#")[0];
    var lines = [title, text("from", { site: document.title.split(" - ").pop(), address: address })];
    lines.push(text("downloaded", { date: new Date().toLocaleDateString() }), "");
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
      lines.push(text("older_answers"), "");
      older.forEach(function (id) {
        lines.push(record.questions[id] || id, answerText(null, record.answers[id]), "");
      });
    }
    var file = new Blob([lines.join("\n")], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = (storage.slug(title) || text("file_name")) + ".txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
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
