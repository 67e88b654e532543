/*
 * The start-here guide on the home page: four questions, then a plan of three steps.
 *
 * The steps, their words and their links live once, in docs/index.md: one
 * <details class="plan-situation" data-situation="..."> per situation, which is
 * what a reader sees without JavaScript. This script only chooses and orders:
 *
 * - "What happened?" picks the situation and its three steps;
 * - feeling very low, or wanting to rest today, puts the first step of "It hurts a
 *   lot right now" (data-situation="low") first, and drops a step that links the
 *   same page, so the plan stays at three;
 * - "When did it happen?" adds a note from the page's words (text: plan_note_<when>).
 *
 * A plan the reader keeps is the record "plan" (storage.js):
 *     {situation, answers: {situation, when, feeling, today}, steps: [{title, href}], made}
 * where href is the step's first link as a path from the host's root, so My space can
 * link it. Nothing is stored until the reader chooses "Keep this plan".
 */
(function () {
  "use strict";

  if (window.TurningNo.guide) return; // instant navigation runs scripts again
  window.TurningNo.guide = true;
  var storage = window.TurningNo.storage;
  var QUESTIONS = ["situation", "when", "feeling", "today"];

  function stepsOf(root, situation) {
    var block = root.querySelector(".plan-situation[data-situation='" + situation + "']");
    return block ? Array.prototype.slice.call(block.querySelectorAll("ol > li")) : [];
  }

  function firstLink(step) {
    var link = step.querySelector("a[href]");
    return link ? link.pathname + link.hash : "";
  }

  /* The three steps for these answers: list items of the page, in order. */
  function choose(root, answers) {
    var steps = stepsOf(root, answers.situation);
    if (answers.feeling === "low" || answers.today === "rest") {
      var first = stepsOf(root, "low")[0];
      if (first) {
        var page = firstLink(first).split("#")[0];
        steps = [first].concat(
          steps.filter(function (step) {
            return firstLink(step).split("#")[0] !== page;
          })
        );
      }
    }
    return steps.slice(0, 3);
  }

  function answersOf(form) {
    var answers = {};
    QUESTIONS.forEach(function (name) {
      var chosen = form.querySelector("input[name='" + name + "']:checked");
      answers[name] = chosen ? chosen.value : "";
    });
    return answers;
  }

  function setUp(guide) {
    var form = guide.querySelector(".plan-guide");
    var result = guide.querySelector(".plan-result");
    if (!form || !result || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var list = result.querySelector(".plan-result__steps");
    var made = result.querySelector(".plan-result__made");
    var note = result.querySelector(".plan-result__note");
    var status = result.querySelector(".plan-result__status");
    var situations = guide.querySelector(".plan-situations");
    var current = null;

    function show(answers, steps, madeOn) {
      while (list.firstChild) list.removeChild(list.firstChild);
      steps.forEach(function (step) {
        list.appendChild(step.cloneNode(true));
      });
      note.textContent = answers.when ? storage.text("plan_note_" + answers.when) : "";
      note.hidden = !note.textContent || note.textContent === "plan_note_" + answers.when;
      made.textContent = madeOn ? storage.text("plan_made", { date: new Date(madeOn).toLocaleDateString() }) : "";
      made.hidden = !madeOn;
      form.hidden = true;
      result.hidden = false;
      current = {
        situation: answers.situation,
        answers: answers,
        steps: steps.map(function (step) {
          var title = step.querySelector("strong");
          return { title: (title || step).textContent.trim(), href: firstLink(step) };
        })
      };
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = answersOf(form);
      show(answers, choose(guide, answers), null);
      storage.say(status, "");
      result.querySelector("h3").focus();
    });

    result.querySelector("[data-plan-action=keep]").addEventListener("click", function () {
      if (!current) return;
      current.made = new Date().toISOString();
      var outcome = storage.write("plan", "", current);
      storage.say(status, outcome === "saved" ? storage.text("plan_kept") : storage.savedMessage(outcome), outcome !== "saved");
    });

    result.querySelector("[data-plan-action=restart]").addEventListener("click", function () {
      result.hidden = true;
      form.hidden = false;
      form.reset();
      var first = form.querySelector("input");
      if (first) first.focus();
    });

    if (situations) situations.hidden = true; // the questions take their place
    var kept = storage.read("plan", "");
    if (kept && kept.answers && stepsOf(guide, kept.answers.situation).length) {
      QUESTIONS.forEach(function (name) {
        var box = form.querySelector("input[name='" + name + "'][value='" + kept.answers[name] + "']");
        if (box) box.checked = true;
      });
      show(kept.answers, choose(guide, kept.answers), kept.made);
    } else {
      form.hidden = false;
    }
  }

  document$.subscribe(function () {
    document.querySelectorAll(".md-content").forEach(setUp);
  });
})();
