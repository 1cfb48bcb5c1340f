/* Ordering questions: Move up / Move down buttons beside each item (templates/quizzes/
   attempt.html). Without JavaScript the student gives each item its place in a select, and
   the form posts those places; here a move reorders the list and sets every place to the
   order shown, so the same selects post the same kind of answer. Keyboard focus stays on
   the moved item's button, and the new place is announced politely.

   Loaded on every page (base.html); the questions may arrive later through htmx (a Save
   swaps the question in again), so buttons are shown on each htmx:load and clicks are
   handled once, on the document. No inline script, no eval: the CSP allows neither. */
(function () {
  "use strict";

  function rows(list) {
    return Array.prototype.slice.call(list.querySelectorAll("[data-order-row]"));
  }

  function rankOf(row) {
    return parseInt(row.querySelector("[data-order-rank]").value, 10);
  }

  /* When every item has a place and no two share one, the list shows that order. */
  function showChosenOrder(list) {
    var items = rows(list);
    var ranks = items.map(rankOf);
    var complete = ranks.every(function (rank) { return !isNaN(rank); });
    var distinct = complete && new Set(ranks).size === ranks.length;
    if (!distinct) {
      return;
    }
    items
      .slice()
      .sort(function (a, b) { return rankOf(a) - rankOf(b); })
      .forEach(function (row) { list.appendChild(row); });
  }

  function updateButtons(list) {
    var items = rows(list);
    items.forEach(function (row, index) {
      row.querySelector('[data-order-move="up"]').disabled = index === 0;
      row.querySelector('[data-order-move="down"]').disabled = index === items.length - 1;
    });
  }

  function enhance(root) {
    var lists = (root.matches && root.matches("[data-order-list]") ? [root] : [])
      .concat(Array.prototype.slice.call(root.querySelectorAll("[data-order-list]")));
    lists.forEach(function (list) {
      if (list.hasAttribute("data-order-ready")) {
        return;
      }
      list.setAttribute("data-order-ready", "");
      list.querySelectorAll("[data-order-moves]").forEach(function (moves) {
        moves.removeAttribute("hidden");
      });
      var fieldset = list.closest("fieldset");
      var help = fieldset && fieldset.querySelector("[data-order-help]");
      if (help) {
        help.removeAttribute("hidden");
      }
      showChosenOrder(list);
      updateButtons(list);
    });
  }

  function move(button) {
    var row = button.closest("[data-order-row]");
    var list = row && row.closest("[data-order-list]");
    if (!list) {
      return;
    }
    showChosenOrder(list);
    var up = button.getAttribute("data-order-move") === "up";
    var sibling = up ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling) {
      return;
    }
    list.insertBefore(row, up ? sibling : sibling.nextElementSibling);
    var items = rows(list);
    items.forEach(function (item, index) {
      item.querySelector("[data-order-rank]").value = String(index + 1);
    });
    updateButtons(list);
    // Moving the row took focus away from its button: give it back, or to the other
    // button when this one is now disabled (the item reached the top or the bottom).
    var same = row.querySelector('[data-order-move="' + (up ? "up" : "down") + '"]');
    var other = row.querySelector('[data-order-move="' + (up ? "down" : "up") + '"]');
    (same.disabled ? other : same).focus();
    var fieldset = list.closest("fieldset");
    var announce = fieldset && fieldset.querySelector("[data-order-announce]");
    if (announce) {
      var label = row.querySelector("label").textContent.trim();
      announce.textContent =
        "“" + label + "” is now in place " + (items.indexOf(row) + 1) + " of " + items.length + ".";
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-order-move]");
    if (button && !button.disabled) {
      move(button);
    }
  });

  enhance(document);
  document.addEventListener("htmx:load", function (event) {
    enhance(event.detail.elt);
  });
})();
