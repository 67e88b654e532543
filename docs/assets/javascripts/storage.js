/*
 * The reader's records on their own device: the one storage module every tool uses
 * (worksheets, email drafts, your details, the application log, the start-here plan,
 * my space). Nothing here is ever sent anywhere.
 *
 * Keys. Every record lives under one key:
 *
 *     turning-no:<root>:<kind>:<id>     e.g. turning-no:/turning-no/:worksheet:ask-for-feedback
 *
 * <root> is the path of the site's address, fixed at build time (the template writes it
 * into #turning-no-text, data-root), so two copies of the guide on one host keep their
 * readers' records apart, and the pages of one site in another language share them.
 *
 * Records. Each key holds {"v": VERSION, "updated": ISO time, "data": ...}. A record
 * that cannot be read is left where it is (read() returns null) until it is written again.
 *
 * Shared computer. The reader can choose "keep nothing after I close this tab": then
 * every record moves to sessionStorage (this tab only) and nothing stays in
 * localStorage. The choice itself is kept in sessionStorage, so it ends with the tab.
 *
 * Earlier formats are carried over once, on the first page load (migrate()): see FORMATS
 * in DESIGN.md and tests/test_storage_browser.py, which seeds each and finds it again.
 *
 * Words. Every word a script shows comes from the page (#turning-no-text, one
 * data-text-<name> attribute per entry of the config's extra.text.script), so that
 * another language needs no code change.
 *
 * Typed and imported values are only ever written with .value or .textContent.
 */
(function () {
  "use strict";

  if (window.TurningNo && window.TurningNo.storage) return; // instant navigation runs scripts again

  var PREFIX = "turning-no:";
  var VERSION = 2;
  var SHARED = "shared"; // the sessionStorage flag: keep nothing after the tab closes

  function pageData() {
    return document.getElementById("turning-no-text");
  }

  /* The path of the site's address, as the build wrote it ("/" for a site at the host's root). */
  function root() {
    var element = pageData();
    var address = (element && element.getAttribute("data-root")) || "/";
    try {
      return new URL(address, window.location.href).pathname;
    } catch (error) {
      return "/";
    }
  }

  /* A word or sentence of the page's language (data-text-<name>), with {key} filled from `values`. */
  function text(name, values) {
    var element = pageData();
    var found = element ? element.getAttribute("data-text-" + name) : null;
    var result = found === null ? name : found;
    Object.keys(values || {}).forEach(function (key) {
      result = result.split("{" + key + "}").join(String(values[key]));
    });
    return result;
  }

  /* localStorage or sessionStorage, or null where the browser blocks it. */
  function probe(name) {
    try {
      var store = window[name];
      var key = PREFIX + "probe";
      store.setItem(key, "1");
      store.removeItem(key);
      return store;
    } catch (error) {
      return null;
    }
  }
  var local = probe("localStorage");
  var session = probe("sessionStorage");

  function isShared() {
    try {
      return Boolean(session && session.getItem(key(SHARED, "")) === "1");
    } catch (error) {
      return false;
    }
  }

  /* Where records go now: the tab's storage on a shared computer, else the device's. */
  function backend() {
    return isShared() ? session : local;
  }

  function key(kind, id) {
    return PREFIX + root() + ":" + kind + (id ? ":" + id : "");
  }

  /* Every key of this site in `store`, as {key, kind, id}. */
  function keysIn(store) {
    var found = [];
    if (!store) return found;
    var start = PREFIX + root() + ":";
    for (var index = 0; index < store.length; index += 1) {
      var name = store.key(index);
      if (name && name.indexOf(start) === 0) {
        var rest = name.slice(start.length);
        var colon = rest.indexOf(":");
        var kind = colon === -1 ? rest : rest.slice(0, colon);
        if (kind === SHARED) continue;
        found.push({ key: name, kind: kind, id: colon === -1 ? "" : rest.slice(colon + 1) });
      }
    }
    return found;
  }

  function parse(raw) {
    if (raw === null || raw === undefined) return null;
    try {
      var record = JSON.parse(raw);
      if (record && typeof record === "object" && record.v === VERSION && "data" in record) return record;
    } catch (error) {
      /* damaged: treated as absent, left in place */
    }
    return null;
  }

  /* The record {v, updated, data} under kind and id, or null. */
  function readRecord(kind, id) {
    var store = backend();
    if (!store) return null;
    try {
      return parse(store.getItem(key(kind, id)));
    } catch (error) {
      return null;
    }
  }

  function read(kind, id) {
    var record = readRecord(kind, id);
    return record ? record.data : null;
  }

  /* Store `data`; returns "saved", "blocked" (no storage) or "full" (no room left). */
  function write(kind, id, data, updated) {
    var store = backend();
    if (!store) return "blocked";
    try {
      store.setItem(key(kind, id), JSON.stringify({ v: VERSION, updated: updated || new Date().toISOString(), data: data }));
      return "saved";
    } catch (error) {
      return "full";
    }
  }

  function remove(kind, id) {
    [local, session].forEach(function (store) {
      try {
        if (store) store.removeItem(key(kind, id));
      } catch (error) {
        /* nothing to remove */
      }
    });
  }

  /* Every readable record of this site, as {kind, id, updated, data}, sorted by key. */
  function list(kind) {
    var store = backend();
    return keysIn(store)
      .filter(function (entry) {
        return !kind || entry.kind === kind;
      })
      .sort(function (a, b) {
        return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      })
      .map(function (entry) {
        var record = parse(store.getItem(entry.key));
        return record ? { kind: entry.kind, id: entry.id, updated: record.updated, data: record.data } : null;
      })
      .filter(Boolean);
  }

  /* Delete every record of this site, on the device and in this tab. */
  function removeAll() {
    [local, session].forEach(function (store) {
      keysIn(store).forEach(function (entry) {
        store.removeItem(entry.key);
      });
    });
  }

  /* Copy every record of this site from one store to the other, then empty the first. */
  function move(from, to) {
    if (!from || !to) return;
    keysIn(from).forEach(function (entry) {
      try {
        to.setItem(entry.key, from.getItem(entry.key));
        from.removeItem(entry.key);
      } catch (error) {
        /* no room: left where it was, so nothing is lost */
      }
    });
  }

  /* Shared computer on: records move to this tab and nothing stays on the device. */
  function setShared(on) {
    if (!session) return false;
    if (on) {
      session.setItem(key(SHARED, ""), "1");
      move(local, session);
    } else {
      session.removeItem(key(SHARED, ""));
      move(session, local);
    }
    document.querySelectorAll("input[data-tn-shared]").forEach(function (box) {
      box.checked = on;
    });
    return true;
  }

  /* Bind every "shared computer" checkbox in scope, and name those a page's Markdown
     left unnamed (<span data-tn-shared-label>): the words are the config's, once. */
  function bindShared(scope) {
    (scope || document).querySelectorAll("[data-tn-shared-label]").forEach(function (label) {
      label.textContent = text("shared_computer");
    });
    (scope || document).querySelectorAll("input[data-tn-shared]").forEach(function (box) {
      if (box.hasAttribute("data-tn-bound")) return;
      box.setAttribute("data-tn-bound", "");
      box.checked = isShared();
      box.disabled = !session || !local;
      box.addEventListener("change", function () {
        setShared(box.checked);
        var note = box.closest("[data-tn-shared-scope]") || box.parentNode;
        var status = note.querySelector("[data-tn-shared-status]");
        if (status) status.textContent = text(box.checked ? "shared_on" : "shared_off");
      });
    });
  }

  /* A message in a role=status element; the same message twice is announced twice. */
  function say(element, message, warning) {
    if (!element) return;
    element.classList.toggle("is-warning", Boolean(warning));
    if (element.textContent === message) {
      element.textContent = "";
      window.setTimeout(function () {
        element.textContent = message;
      }, 50);
    } else {
      element.textContent = message;
    }
  }

  /* The message for write()'s result: saved, or why nothing could be kept. */
  function savedMessage(result) {
    if (result === "saved") return text(isShared() ? "saved_tab" : "saved");
    return text(result === "full" ? "storage_full" : "storage_blocked");
  }

  /* A stable id from words, the same as turning_no.markdown's slug of a checklist item. */
  function slug(words) {
    return String(words)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  }

  /* --- Earlier formats, carried over once ------------------------------------------
     Format 1 (to 2026-12): localStorage "turning-no:worksheet:<folder>" holding
     {format: 1, answers: {field: value}, questions: {field: label}, title, updated},
     with checklist answers as the items' text; shared by every copy on the host.
     It becomes this site's "worksheet:<folder>" record (checklist items by their id)
     and the old key is removed, so that deleting later cannot bring it back. */
  function migrateWorksheets() {
    if (!local) return;
    var old = "turning-no:worksheet:";
    var found = [];
    for (var index = 0; index < local.length; index += 1) {
      var name = local.key(index);
      if (name && name.indexOf(old) === 0 && name !== old + "probe") found.push(name);
    }
    found.forEach(function (name) {
      var sheet = name.slice(old.length);
      var record;
      try {
        record = JSON.parse(local.getItem(name));
      } catch (error) {
        return; // damaged: left alone, as format 1 did
      }
      if (!record || typeof record.answers !== "object" || record.answers === null) return;
      var answers = {};
      Object.keys(record.answers).forEach(function (field) {
        var value = record.answers[field];
        var isChecklist =
          Array.isArray(value) &&
          value.length &&
          value.every(function (item) {
            return typeof item === "string";
          });
        answers[field] = isChecklist ? value.map(slug) : value;
      });
      var current = readRecord("worksheet", sheet);
      if (!current) {
        var data = { answers: answers, questions: record.questions || {}, title: record.title || "" };
        if (write("worksheet", sheet, data, record.updated) !== "saved") return; // keep the old one
      }
      local.removeItem(name);
    });
  }

  function migrate() {
    try {
      migrateWorksheets();
    } catch (error) {
      /* a browser that refuses part of it: the old records stay where they are */
    }
  }

  window.TurningNo = window.TurningNo || {};
  window.TurningNo.storage = {
    VERSION: VERSION,
    root: root,
    key: key,
    read: read,
    readRecord: readRecord,
    write: write,
    remove: remove,
    list: list,
    removeAll: removeAll,
    isShared: isShared,
    setShared: setShared,
    bindShared: bindShared,
    available: function () {
      return Boolean(backend());
    },
    migrate: migrate,
    say: say,
    savedMessage: savedMessage,
    slug: slug,
    text: text
  };
  migrate();
})();
