/* The review workspace's confirmation dialogs (templates/catalog/review_confirm.html).

   Delete and Regenerate are links: htmx swaps a <dialog open> into the item's card. Open as
   it comes, it already works (its Cancel is a method="dialog" form, no script needed); this
   makes it modal, so the page behind is inert, Escape closes it and focus returns to the
   link that opened it. A closed dialog is removed, so the card holds one at a time. */
(function () {
  "use strict";

  function makeModal(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    var dialogs = Array.prototype.slice.call(root.querySelectorAll("dialog[data-modal]"));
    if (root.matches && root.matches("dialog[data-modal]")) {
      dialogs.push(root);
    }
    dialogs.forEach(function (dialog) {
      var waiting = dialog.open && document.contains(dialog) && !dialog.matches(":modal");
      if (waiting && typeof dialog.showModal === "function") {
        dialog.close();
        dialog.showModal();
      }
    });
  }

  // Right after the swap (htmx settles, and focuses [autofocus], a moment later).
  document.addEventListener("htmx:afterSwap", function (event) {
    makeModal(event.detail && event.detail.target);
  });
  document.addEventListener("htmx:load", function (event) {
    makeModal(event.detail && event.detail.elt);
  });

  // A tab or the filters brought a new panel (and the tabs, out of band): the keyboard
  // stays on the tab just chosen, or after filtering goes to the line that says how many
  // questions match. Focus scrolls only as far as it must (the page keeps its place).
  document.addEventListener("htmx:afterSettle", function (event) {
    var detail = event.detail || {};
    var elt = detail.requestConfig && detail.requestConfig.elt; // the link or form
    var settled = detail.elt; // what came in: the panel (the tabs settle apart)
    if (!elt || !settled || settled.id !== "review-panel") {
      return;
    }
    var current = document.querySelector("#review-tabs [aria-current]");
    var results = document.getElementById("question-results");
    var place = elt.hasAttribute("data-tab") ? current : results || current;
    if (place) {
      place.focus();
    }
  });

  // The link that asked for the dialog: the one whose target is the dialog's slot.
  function opener(dialog) {
    var slot = dialog.parentElement;
    return slot && slot.id ? document.querySelector('[hx-target="#' + slot.id + '"]') : null;
  }

  document.addEventListener(
    "close",
    function (event) {
      var dialog = event.target;
      if (!(dialog instanceof HTMLDialogElement) || !dialog.hasAttribute("data-modal")) {
        return;
      }
      // A dialog made modal closes once on its way (it is open again by then); one whose
      // card htmx has replaced is gone already, and the new card has the focus.
      if (dialog.open || !document.contains(dialog)) {
        return;
      }
      // Cancelled: back to the link that opened it (browsers would go to the page's start).
      var link = opener(dialog);
      dialog.remove();
      if (link) {
        link.focus();
      }
    },
    true
  );
})();
