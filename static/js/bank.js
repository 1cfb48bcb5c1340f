/* The question bank's "select all" (templates/quizzes/bank.html).

   Without JavaScript, "Select all on this page" reloads the page with every box ticked.
   With it, the header's checkbox shows and ticks or unticks every question's box at once,
   and follows them (ticked when all are, mixed when some are). Listeners sit on the
   document, so they work on the results htmx swaps in after a search. */
(function () {
  "use strict";

  function boxes(table) {
    return Array.prototype.slice.call(table.querySelectorAll('input[name="question"]'));
  }

  function follow(table) {
    var all = table.querySelector("#select-all");
    if (!all) {
      return;
    }
    var picked = boxes(table).filter(function (box) { return box.checked; }).length;
    all.checked = picked > 0 && picked === boxes(table).length;
    all.indeterminate = picked > 0 && !all.checked;
  }

  function setUp(root) {
    var all = (root || document).querySelector("#select-all");
    if (!all) {
      return;
    }
    all.hidden = false;
    var form = all.closest("form");
    var noScript = form && form.parentElement.querySelector(".select-all-form");
    if (noScript) {
      noScript.hidden = true;  // the header's checkbox does it now
    }
    follow(all.closest("table"));
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement)) {
      return;
    }
    var table = target.closest("table");
    if (target.id === "select-all" && table) {
      boxes(table).forEach(function (box) { box.checked = target.checked; });
    } else if (target.name === "question" && table) {
      follow(table);
    }
  });

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:load", function (event) { setUp(event.detail && event.detail.elt); });
})();
