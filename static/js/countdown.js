/* The countdown of a timed attempt (templates/quizzes/attempt.html#countdown). Without this
   script the page states the minutes left when it was rendered and the deadline in UTC, and
   the server submits the attempt at the deadline all the same.

   It counts from the seconds the server said were left, not from the browser's clock, which
   may be wrong; shows the deadline in the browser's time zone; and says what matters
   through the polite status line only at the 5- and 1-minute warnings and at the deadline,
   so a screen reader is not interrupted every second (the visible timer is role="timer",
   which is not read out as it changes). At the deadline, and a few seconds of grace later,
   it loads the attempt page again: the server has submitted the attempt, or does so then,
   and answers with its results. No inline script, no eval: the CSP allows neither. */
(function () {
  "use strict";

  var GRACE_MS = 6000; // the server accepts answers 5 s past the deadline (DEADLINE_GRACE)
  var WARNINGS = [
    { at: 300, stage: "soon", text: "Less than 5 minutes left: save your answers." },
    { at: 60, stage: "final", text: "Less than a minute left: save your answers now." },
  ];

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function spoken(seconds) {
    if (seconds >= 60) {
      var minutes = Math.floor(seconds / 60);
      var rest = seconds % 60;
      return plural(minutes, "minute") + (rest ? " " + plural(rest, "second") : "");
    }
    return plural(seconds, "second");
  }

  function clock(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var mm = (h && m < 10 ? "0" : "") + m;
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" : "") + s;
  }

  function localDeadline(iso) {
    var when = new Date(iso);
    if (isNaN(when.getTime())) {
      return "";
    }
    try {
      return when.toLocaleString(undefined, {
        hour: "2-digit",
        minute: "2-digit",
        weekday: "short",
        day: "numeric",
        month: "short",
        timeZoneName: "short",
      });
    } catch (error) {
      return when.toString();
    }
  }

  function start(region) {
    var left = parseInt(region.getAttribute("data-seconds-left"), 10);
    if (isNaN(left)) {
      return;
    }
    var endsAt = Date.now() + left * 1000;
    var remaining = region.querySelector("[data-countdown-remaining]");
    var announce = region.querySelector("[data-countdown-announce]");
    var warning = region.querySelector("[data-countdown-warning]");
    var staticNote = region.querySelector("[data-countdown-static]");
    var local = region.querySelector("[data-countdown-local]");
    var expiredUrl = region.getAttribute("data-expired-url");
    // Warnings already past when the page loaded are shown, not announced again.
    var said = {};
    WARNINGS.forEach(function (w) {
      said[w.at] = left <= w.at;
    });
    var ended = false;

    if (staticNote) {
      staticNote.textContent = "";
    }
    if (local) {
      var text = localDeadline(region.getAttribute("data-deadline"));
      if (text) {
        local.textContent = text + " (your time)";
      }
    }

    function say(text) {
      // A change of text is what a polite live region reads; clear it first so the same
      // words said twice are read twice.
      announce.textContent = "";
      window.setTimeout(function () {
        announce.textContent = text;
      }, 50);
    }

    function tick() {
      var seconds = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      remaining.textContent = clock(seconds);
      remaining.setAttribute("aria-label", spoken(seconds) + " left");
      WARNINGS.forEach(function (w) {
        if (seconds <= w.at && seconds > 0) {
          region.classList.remove("countdown-soon", "countdown-final");
          region.classList.add("countdown-" + w.stage);
          warning.textContent = w.text;
          if (!said[w.at]) {
            said[w.at] = true;
            say(w.text);
          }
        }
      });
      if (seconds === 0 && !ended) {
        ended = true;
        region.classList.remove("countdown-soon");
        region.classList.add("countdown-final", "countdown-ended");
        warning.textContent =
          "Time is up. Your attempt is being submitted with the answers you saved.";
        say(warning.textContent);
        window.setTimeout(function () {
          window.location.assign(expiredUrl);
        }, GRACE_MS);
      }
    }

    tick();
    window.setInterval(tick, 1000);
  }

  document.querySelectorAll("[data-countdown]").forEach(start);
})();
