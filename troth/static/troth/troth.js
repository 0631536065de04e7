// Troth's small behaviours. Everything works without this file; it only
// makes the quick exit leave no trace in Back, copies links, and guesses the
// time zone on sign-up.
(function () {
  "use strict";

  // Quick exit: replace this page in history, so Back does not return here.
  function quickExit(event) {
    var link = document.getElementById("quick-exit");
    if (!link) return;
    if (event) event.preventDefault();
    try { document.body.hidden = true; } catch (e) { /* ignore */ }
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("#quick-exit") : null;
    if (target) quickExit(event);

    var copy = event.target.closest ? event.target.closest("[data-copy-target]") : null;
    if (copy) {
      var field = document.getElementById(copy.getAttribute("data-copy-target"));
      if (!field) return;
      field.select();
      var done = function () {
        var status = document.getElementById(copy.getAttribute("data-copy-status"));
        if (status) status.textContent = copy.getAttribute("data-copied-text") || "Copied";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    }
  });

  // Escape pressed three times in a row also leaves quickly.
  var escapes = 0;
  var escapeTimer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    escapes += 1;
    clearTimeout(escapeTimer);
    escapeTimer = setTimeout(function () { escapes = 0; }, 1500);
    if (escapes >= 3) quickExit(null);
  });

  function detectTimezone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll("select[data-detect-timezone]").forEach(function (select) {
      if (select.dataset.touched) return;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) { select.value = zone; break; }
      }
    });
  }

  // Confirm dangerous buttons that ask for it.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = button && button.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  document.addEventListener("DOMContentLoaded", detectTimezone);
})();
