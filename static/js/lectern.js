/* Lectern's own script, loaded after htmx on every page (the CSP allows scripts from our
   origin only: no inline script, no eval). Every page works without it. */
(function () {
  "use strict";

  /* A signed-in person's pages are never stored (Cache-Control: private, no-store), so
     Back asks the server again and shows what is true now. A browser may still keep the
     page in its back-forward cache, frozen as it was left: an attempt whose questions were
     checked since, a dashboard whose progress moved. When it shows such a page again,
     refresh it: the regions marked data-refresh-on-restore through htmx (the page keeps
     its place and focus), any other page by reloading it. */
  function refresh() {
    var regions = document.querySelectorAll("[data-refresh-on-restore][id]");
    if (!window.htmx || regions.length === 0) {
      window.location.reload();
      return;
    }
    regions.forEach(function (region) {
      var id = region.id;
      window.htmx
        .ajax("GET", window.location.pathname + window.location.search, {
          target: "#" + id,
          select: "#" + id,
          swap: "outerHTML",
        })
        .then(function () {
          // The page has changed its kind meanwhile (a submitted attempt shows its
          // results instead): the region is not in the answer, so load the page itself.
          if (!document.getElementById(id)) {
            window.location.reload();
          }
        }, function () {
          window.location.reload();
        });
    });
  }

  /* Error pages offer the page before, when there was one of ours to go back to. Without
     JavaScript the link stays hidden; the pages' other links lead on. */
  function offerBack() {
    var sameSite = false;
    try {
      sameSite = new URL(document.referrer).origin === window.location.origin;
    } catch (error) {
      sameSite = false; // no referrer
    }
    if (!sameSite || window.history.length < 2) {
      return;
    }
    document.querySelectorAll("a[data-back]").forEach(function (link) {
      var hidden = link.closest("[hidden]");
      if (hidden) {
        hidden.removeAttribute("hidden");
      }
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.history.back();
      });
    });
  }

  offerBack();

  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.body.hasAttribute("data-always-fresh")) {
      refresh();
    }
  });
})();
