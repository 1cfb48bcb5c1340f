/* Forms whose work takes a while (a course from a long paste, a question file to import):
   form[data-long-work], or a form inside an element marked so (the attributes below are
   read from that element).

   Before anything is sent, a file or pasted text over the form's data-max-bytes is refused
   with a message in its [data-size-error] region (the server refuses it too, with the same
   limit: this only spares the upload). A textarea that reached its maxlength had the rest
   of a paste cut off by the browser, so it is refused the same way. On a submit that goes
   ahead, the form is marked busy, its [data-busy-status] region says what is happening
   (data-busy-text) beside an indeterminate progress bar, and a second click sends nothing.
   Without JavaScript the forms work as before, with a note about the time beside them. */
(function () {
  "use strict";

  function bytesOf(text) {
    return new TextEncoder().encode(text).length;
  }

  function number(n) {
    return n.toLocaleString("en-US");
  }

  /* What is wrong with the form's input, or "" if nothing. */
  function problem(form) {
    var max = parseInt(form.getAttribute("data-max-bytes"), 10);
    var fields = form.querySelectorAll('input[type="file"], textarea');
    for (var i = 0; i < fields.length; i += 1) {
      var field = fields[i];
      if (field.type === "file") {
        var file = field.files && field.files[0];
        if (file && max && file.size > max) {
          return [field, "The file “" + file.name + "” is too large: " + number(file.size) +
            " bytes, and the most this form accepts is " + number(max) + " bytes. Choose a smaller file."];
        }
      } else {
        var limit = parseInt(field.getAttribute("maxlength"), 10);
        if (limit && field.value.length >= limit) {
          return [field, "The pasted text reached the limit of " + number(limit) +
            " characters, so the browser cut off the rest. Paste a shorter part of the page."];
        }
        if (max && bytesOf(field.value) > max) {
          return [field, "The pasted text is too large: " + number(bytesOf(field.value)) +
            " bytes, and the most this form accepts is " + number(max) + " bytes. Paste a shorter part of the page."];
        }
      }
    }
    return null;
  }

  function say(form, found) {
    var region = form.querySelector("[data-size-error]");
    form.querySelectorAll('[aria-invalid="true"][data-size-checked]').forEach(function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-size-checked");
    });
    if (region) {
      region.textContent = found ? found[1] : "";
    }
    if (found) {
      found[0].setAttribute("aria-invalid", "true");
      found[0].setAttribute("data-size-checked", "");
    }
  }

  function busy(form, on) {
    var status = form.querySelector("[data-busy-status]");
    var buttons = form.querySelectorAll('button[type="submit"], button:not([type])');
    if (on) {
      form.setAttribute("aria-busy", "true");
      form.setAttribute("data-busy", "");
      if (status) {
        var bar = document.createElement("progress");
        bar.setAttribute("aria-label", "Working");
        var text = document.createElement("p");
        text.textContent = form.getAttribute("data-busy-text") || "Working…";
        status.replaceChildren(bar, text);
      }
    } else {
      form.removeAttribute("aria-busy");
      form.removeAttribute("data-busy");
      if (status) {
        status.replaceChildren();
      }
    }
    buttons.forEach(function (button) {
      button.setAttribute("aria-disabled", on ? "true" : "false");
    });
  }

  /* A file is checked as soon as it is chosen. (Not a textarea: its change comes as it
     loses focus to the submit button, and a message appearing then would move the button
     from under the click.) */
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("[data-long-work]");
    if (form && event.target.type === "file") {
      say(form, problem(form));
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-long-work]");
    if (!form) {
      return;
    }
    if (form.hasAttribute("data-busy")) {
      event.preventDefault(); // sent already: the page on its way answers both clicks
      return;
    }
    var found = problem(form);
    say(form, found);
    if (found) {
      event.preventDefault();
      found[0].focus();
      return;
    }
    busy(form, true);
  });

  /* Back to a page from the back-forward cache: the form is not busy any more. */
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("[data-long-work][data-busy]").forEach(function (form) {
      busy(form, false);
    });
  });
})();
