/* The email composer (turning_no.markdown.email_template renders its HTML).

   Each template is shown as plain text, with its placeholders in <mark>s, and a
   composer that stays hidden until this script runs: one input per placeholder,
   Copy email, Open in email app, and Reset. As the reader types, the marks show
   what they typed: the template is the live preview.

   What the reader types is set with textContent and never read as HTML. It is
   kept in sessionStorage (this tab only, gone when it is closed: people share
   computers in career centres) and sent nowhere. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "turning-no:email:";

  function sessionStore() {
    try {
      var store = window.sessionStorage;
      var probe = STORAGE_PREFIX + "probe";
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // blocked or full: the composer still works, it only forgets
    }
  }

  function load(store, key) {
    if (!store) return {};
    try {
      var values = JSON.parse(store.getItem(key) || "{}");
      return values && typeof values === "object" ? values : {};
    } catch (error) {
      return {};
    }
  }

  function save(store, key, values) {
    if (!store) return;
    try {
      if (Object.keys(values).length) {
        store.setItem(key, JSON.stringify(values));
      } else {
        store.removeItem(key);
      }
    } catch (error) {
      // Storage full: keep going without saving.
    }
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
    return count === 1
      ? " One blank is still in [brackets]. Fill it in before you send."
      : " " + count + " blanks are still in [brackets]. Fill them in before you send.";
  }

  function enhance(template) {
    if (template.hasAttribute("data-composer-ready")) return;
    template.setAttribute("data-composer-ready", "");

    var key = STORAGE_PREFIX + template.getAttribute("data-email-template");
    var composer = template.querySelector(".email-composer");
    var subject = template.querySelector(".email-template__subject");
    var body = template.querySelector(".email-template__body");
    var open = composer.querySelector("[data-action='open']");
    var status = composer.querySelector(".email-composer__status");
    var inputs = Array.prototype.slice.call(composer.querySelectorAll("input[data-blank]"));
    var marks = Array.prototype.slice.call(template.querySelectorAll("mark[data-blank]"));
    var store = sessionStore();

    // The placeholder as written ("[Job title]"), by its number.
    var originals = {};
    marks.forEach(function (mark) {
      originals[mark.getAttribute("data-blank")] = mark.textContent;
    });

    function say(message) {
      // Emptied first, so that the same message twice is announced twice.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
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

    function remember() {
      var values = {};
      inputs.forEach(function (input) {
        if (input.value) values[input.getAttribute("data-placeholder")] = input.value;
      });
      save(store, key, values);
    }

    var saved = load(store, key);
    inputs.forEach(function (input) {
      var value = saved[input.getAttribute("data-placeholder")];
      if (typeof value === "string") input.value = value;
      input.addEventListener("input", function () {
        update();
        remember();
      });
    });

    composer.querySelector("[data-action='copy']").addEventListener("click", function () {
      var text = "Subject: " + subject.textContent + "\n\n" + body.textContent;
      copyText(text).then(
        function () {
          say("Email copied. Paste it into your email app." + blanksLeft(unfilled()));
        },
        function () {
          say("Could not copy. Select the email above and copy it yourself.");
        }
      );
    });

    open.addEventListener("click", function () {
      say("Opening your email app. If nothing opens, use Copy email instead." + blanksLeft(unfilled()));
    });

    composer.querySelector("[data-action='reset']").addEventListener("click", function () {
      inputs.forEach(function (input) {
        input.value = "";
      });
      update();
      save(store, key, {});
      say("Cleared. The blanks are back in the email.");
    });

    if (!store) {
      composer.querySelector(".email-composer__privacy").textContent =
        "This browser does not let the page keep what you type, so it is lost when you leave the page. " +
        "Nothing is sent until you send the email yourself.";
    }

    update();
    composer.hidden = false;
  }

  document$.subscribe(function () {
    document.querySelectorAll("[data-email-template]").forEach(enhance);
  });
})();
