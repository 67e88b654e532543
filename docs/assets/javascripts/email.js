/* The email composer (turning_no.markdown.email_template renders its HTML).

   Each template is shown as plain text, with its placeholders in <mark>s, and a
   composer that stays hidden until this script runs: one input per placeholder,
   Copy email (and, for replies, Copy message only), Open in email app, and Clear.
   As the reader types, the marks show what they typed: the template is the preview.

   Records (storage.js, kept on this device, or in this tab on a shared computer):
     draft:<template-id>  {values: {<data-blank number>: text}}  the blanks of one
                          template that are not "your details"
     details ("")         {values: {<detail id>: text}}  your details (data-detail,
                          such as "your-name"), shared by every template on every page:
                          a change in any template changes them all
   Earlier format, carried over once: sessionStorage "turning-no:email:<template-id>"
   = {<placeholder words>: text}, matched to the page's placeholders by their words.

   What the reader types is set with .value and .textContent, never read as HTML.
   Every word shown comes from the page (storage.text, extra.text.script.email). */
(function () {
  "use strict";

  window.TurningNo = window.TurningNo || {};
  if (window.TurningNo.email) return; // instant navigation runs scripts again
  window.TurningNo.email = true;

  var storage = window.TurningNo.storage;
  var OLD_PREFIX = "turning-no:email:";

  function words(name, values) {
    return storage.text(name, values);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy failed");
      });
    }
    return new Promise(function (resolve, reject) {
      if (copyWithSelection(text)) resolve();
      else reject(new Error("copy failed"));
    });
  }

  function blanksLeft(count) {
    if (!count) return "";
    return " " + (count === 1 ? words("blanks_one") : words("blanks_many", { n: count }));
  }

  function valuesOf(kind, id) {
    var data = storage.read(kind, id);
    return data && typeof data.values === "object" && data.values !== null ? data.values : {};
  }

  function normalize(text) {
    return String(text).replace(/\s+/g, " ").trim().toLowerCase();
  }

  /* The tab-only drafts of the earlier composer, carried over once into draft/details. */
  function migrateOld(id, inputs) {
    var session;
    try {
      session = window.sessionStorage;
    } catch (error) {
      return;
    }
    var raw;
    try {
      raw = session && session.getItem(OLD_PREFIX + id);
    } catch (error) {
      return;
    }
    if (!raw) return;
    var old;
    try {
      old = JSON.parse(raw);
    } catch (error) {
      old = null;
    }
    if (old && typeof old === "object") {
      var byWords = {};
      Object.keys(old).forEach(function (placeholder) {
        if (typeof old[placeholder] === "string") byWords[normalize(placeholder)] = old[placeholder];
      });
      var draft = valuesOf("draft", id);
      var details = valuesOf("details", "");
      var draftChanged = false;
      var detailsChanged = false;
      inputs.forEach(function (input) {
        var value = byWords[normalize(input.getAttribute("data-placeholder"))];
        if (typeof value !== "string" || !value) return;
        var detail = input.getAttribute("data-detail");
        if (detail) {
          if (!details[detail]) {
            details[detail] = value;
            detailsChanged = true;
          }
        } else if (!draft[input.getAttribute("data-blank")]) {
          draft[input.getAttribute("data-blank")] = value;
          draftChanged = true;
        }
      });
      if (draftChanged && storage.write("draft", id, { values: draft }) !== "saved") return;
      if (detailsChanged && storage.write("details", "", { values: details }) !== "saved") return;
    }
    session.removeItem(OLD_PREFIX + id); // carried over (or unreadable): not brought back later
  }

  function enhance(template) {
    if (template.hasAttribute("data-composer-ready")) return;
    template.setAttribute("data-composer-ready", "");

    var id = template.getAttribute("data-email-template");
    var composer = template.querySelector(".email-composer");
    var subject = template.querySelector(".email-template__subject");
    var body = template.querySelector(".email-template__body");
    var open = composer.querySelector("[data-action='open']");
    var status = composer.querySelector(".email-composer__status");
    var inputs = Array.prototype.slice.call(composer.querySelectorAll("[data-blank]"));
    var marks = Array.prototype.slice.call(template.querySelectorAll("mark[data-blank]"));

    migrateOld(id, inputs);

    // The placeholder as written ("[Job title]"), by its number.
    var originals = {};
    marks.forEach(function (mark) {
      originals[mark.getAttribute("data-blank")] = mark.textContent;
    });

    function say(message) {
      storage.say(status, message);
    }

    function unfilled() {
      return inputs.filter(function (input) {
        return !input.value.trim();
      }).length;
    }

    function update() {
      var values = {};
      inputs.forEach(function (input) {
        if (input.value.trim()) values[input.getAttribute("data-blank")] = input.value;
      });
      marks.forEach(function (mark) {
        var number = mark.getAttribute("data-blank");
        var filled = Object.prototype.hasOwnProperty.call(values, number);
        mark.textContent = filled ? values[number] : originals[number];
        mark.classList.toggle("email-placeholder--filled", filled);
      });
      var bodyText = body.textContent.replace(/\r?\n/g, "\r\n");
      open.setAttribute(
        "href",
        "mailto:?subject=" + encodeURIComponent(subject.textContent) + "&body=" + encodeURIComponent(bodyText)
      );
    }

    function saveDraft() {
      var values = {};
      inputs.forEach(function (input) {
        if (input.value && !input.hasAttribute("data-detail")) values[input.getAttribute("data-blank")] = input.value;
      });
      if (Object.keys(values).length) return storage.write("draft", id, { values: values });
      storage.remove("draft", id);
      return "saved";
    }

    function saveDetail(input) {
      var details = valuesOf("details", "");
      var detail = input.getAttribute("data-detail");
      if (input.value) details[detail] = input.value;
      else delete details[detail];
      // Every template on this page shows the change at once.
      document.querySelectorAll("[data-email-template] [data-detail='" + detail + "']").forEach(function (other) {
        if (other !== input && other.value !== input.value) {
          other.value = input.value;
          other.dispatchEvent(new CustomEvent("tn-detail"));
        }
      });
      return storage.write("details", "", { values: details });
    }

    var draft = valuesOf("draft", id);
    var details = valuesOf("details", "");
    inputs.forEach(function (input) {
      var detail = input.getAttribute("data-detail");
      var value = detail ? details[detail] : draft[input.getAttribute("data-blank")];
      if (typeof value === "string") input.value = value;
      input.addEventListener("tn-detail", update);
      input.addEventListener("input", function () {
        update();
        var result = detail ? saveDetail(input) : saveDraft();
        if (result !== "saved") say(storage.savedMessage(result));
      });
    });

    function copy(text, message) {
      copyText(text).then(
        function () {
          say(message + blanksLeft(unfilled()));
        },
        function () {
          say(words("copy_failed"));
        }
      );
    }

    composer.querySelector("[data-action='copy']").addEventListener("click", function () {
      copy(template.querySelector(".email-template__subject-label").textContent + " " + subject.textContent + "\n\n" + body.textContent, words("copied"));
    });

    var copyBody = composer.querySelector("[data-action='copy-body']");
    if (copyBody) {
      copyBody.addEventListener("click", function () {
        copy(body.textContent, words("copied_body"));
      });
    }

    open.addEventListener("click", function () {
      say(words("opening") + blanksLeft(unfilled()));
    });

    composer.querySelector("[data-action='clear']").addEventListener("click", function () {
      if (!window.confirm(words("clear_confirm"))) {
        say(words("clear_kept"));
        return;
      }
      inputs.forEach(function (input) {
        if (!input.hasAttribute("data-detail")) input.value = "";
      });
      update();
      storage.remove("draft", id);
      say(words("cleared"));
    });

    storage.bindShared(composer);
    if (!storage.available()) say(storage.savedMessage("blocked"));

    update();
    composer.hidden = false;
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-email-template]").forEach(enhance);
  });
})();
