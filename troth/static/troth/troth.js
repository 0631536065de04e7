// Troth's small behaviours. Everything works without this file; it only
// makes the quick exit leave no trace in Back, copies links, guesses the
// time zone on sign-up, hides fields until they apply, and explains why a
// passkey could not be used.
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

  // Passkeys: a browser refuses WebAuthn at an IP address or outside a
  // secure context, and allauth's script only logs the error to the console.
  // Say what went wrong in the page's live region (texts come translated in
  // data-text-* attributes of mfa/webauthn/snippets/status.html).
  var PASSKEY_ERRORS = {
    SecurityError: "security",
    NotAllowedError: "cancelled",
    AbortError: "cancelled",
    InvalidStateError: "duplicate",
    NotSupportedError: "unsupported"
  };

  function showPasskeyProblem(kind) {
    var status = document.querySelector("[data-passkey-status]");
    var live = status && status.querySelector("[data-passkey-live]");
    if (!live) return false;
    var note = document.createElement("p");
    note.className = "notice notice-bad";
    note.setAttribute("data-testid", "passkey-problem");
    note.textContent = status.getAttribute("data-text-" + kind) ||
      status.getAttribute("data-text-failed");
    // Emptied first, so the same problem twice is announced twice.
    live.textContent = "";
    live.appendChild(note);
    return true;
  }

  function passkeysUnusable() {
    if (!window.isSecureContext) return "insecure";
    if (!window.PublicKeyCredential) return "unsupported";
    return null;
  }

  document.addEventListener("allauth.error", function (event) {
    var detail = event.detail || {};
    if (!detail.tags || detail.tags.indexOf("webauthn") < 0) return;
    var name = detail.exception && detail.exception.name;
    var kind = passkeysUnusable() || PASSKEY_ERRORS[name] || "failed";
    if (showPasskeyProblem(kind)) event.preventDefault();
  });

  function checkPasskeys() {
    // The server has already explained an IP address; say nothing twice.
    if (document.querySelector("[data-testid=passkey-unavailable]")) return;
    var kind = passkeysUnusable();
    if (kind) showPasskeyProblem(kind);
  }

  // A field that applies only after a choice: data-show-when="name=value"
  // (or "name=a|b") on its wrapper hides it until the form's control `name`
  // has one of those values. Without this script every field shows.
  function applies(element) {
    var rule = element.getAttribute("data-show-when").split("=");
    var form = element.closest("form");
    if (!form || rule.length !== 2) return true;
    var wanted = rule[1].split("|");
    var controls = form.querySelectorAll("[name='" + rule[0] + "']");
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      var on = (control.type === "radio" || control.type === "checkbox") ? control.checked : true;
      if (on && wanted.indexOf(control.value) >= 0) return true;
    }
    return false;
  }

  function showWhatApplies() {
    document.querySelectorAll("[data-show-when]").forEach(function (element) {
      element.hidden = !applies(element);
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.form) showWhatApplies();
  });
  document.addEventListener("htmx:afterSwap", showWhatApplies);

  document.addEventListener("DOMContentLoaded", showWhatApplies);
  document.addEventListener("DOMContentLoaded", detectTimezone);
  document.addEventListener("DOMContentLoaded", checkPasskeys);
})();
