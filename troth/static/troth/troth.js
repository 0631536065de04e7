// Troth's small behaviours. Everything works without this file; it only
// makes the quick exit leave no trace in Back, copies links, guesses the
// time zone on sign-up, hides fields until they apply, explains why a
// passkey could not be used, shows print buttons, registers the service worker, turns push on
// for this device and keeps the updates badge current.
(function () {
  "use strict";

  var SCRIPT = document.currentScript;

  // Forget every copy the service worker keeps (templates/sw.js). /exit
  // also answers with Clear-Site-Data; this covers a browser that ignores it.
  function forgetCaches() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    });
  }

  // Quick exit: replace this page in history, so Back does not return here.
  // Leaving waits for the caches to be emptied, but never more than a moment.
  var leaving = false;
  function quickExit(event) {
    var link = document.getElementById("quick-exit");
    if (!link) return;
    if (event) event.preventDefault();
    try { document.body.hidden = true; } catch (e) { /* ignore */ }
    if (leaving) return;
    leaving = true;
    var left = false;
    var leave = function () {
      if (left) return;
      left = true;
      window.location.replace(link.href);
    };
    setTimeout(leave, 150);
    try { forgetCaches().then(leave, leave); } catch (e) { leave(); }
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
  // has one of those values; "name!=value" hides it while it has one (an
  // all-day event needs no times). Without this script every field shows.
  function applies(element) {
    var rule = /^([\w-]+)(!?=)(.*)$/.exec(element.getAttribute("data-show-when"));
    var form = element.closest("form");
    if (!form || !rule) return true;
    var wanted = rule[3].split("|");
    var controls = form.querySelectorAll("[name='" + rule[1] + "']");
    var has = false;
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      var on = (control.type === "radio" || control.type === "checkbox") ? control.checked : true;
      if (on && wanted.indexOf(control.value) >= 0) has = true;
    }
    return rule[2] === "=" ? has : !has;
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

  // The service worker, for someone signed in (base.html names it on this
  // script's tag). Scope "/": the whole site, so navigations offline show
  // the offline page.
  function registerWorker() {
    var url = SCRIPT && SCRIPT.getAttribute("data-service-worker");
    if (!url || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register(url, { scope: "/" }).catch(function () { /* offline or refused: pages work as before */ });
  }

  // Push on this device. The notifications settings page has
  //   <button data-push-enable data-vapid-key="<base64url>"
  //           data-subscribe-url="<POST url>" hidden>
  //   <p data-push-status data-text-on="…" data-text-denied="…"
  //      data-text-failed="…" aria-live="polite"></p>
  // The button shows only where this browser can do push and hasn't been
  // told no; a click asks permission, subscribes, and hands the
  // subscription to Troth, then reloads so the device shows in the list.
  function pushPossible() {
    return "serviceWorker" in navigator && "PushManager" in window &&
      "Notification" in window && window.isSecureContext;
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4))
      .replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function sameKey(subscription, wanted) {
    var held = subscription.options && subscription.options.applicationServerKey;
    if (!held) return true;  // this browser doesn't say; keep what it has
    var bytes = new Uint8Array(held);
    if (bytes.length !== wanted.length) return false;
    for (var i = 0; i < bytes.length; i++) if (bytes[i] !== wanted[i]) return false;
    return true;
  }

  function csrfToken(near) {
    var form = near && near.closest ? near.closest("form") : null;
    var input = (form && form.querySelector("input[name=csrfmiddlewaretoken]")) ||
      document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    try {
      var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      if (headers["X-CSRFToken"]) return headers["X-CSRFToken"];
    } catch (e) { /* none there */ }
    var match = document.cookie.match(/(?:^|;\s*)(?:__Host-troth-csrf|csrftoken)=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  // The words come translated from the page (data-text-on, -denied, -failed).
  function pushStatus(kind) {
    var status = document.querySelector("[data-push-status]");
    var words = status && status.getAttribute("data-text-" + kind);
    if (words) status.textContent = words;
  }

  function showPushButtons() {
    var able = pushPossible() && Notification.permission !== "denied";
    document.querySelectorAll("[data-push-enable]").forEach(function (button) {
      button.hidden = !able;
    });
    // What comes of a click is said where a screen reader hears it.
    document.querySelectorAll("[data-push-status]:not([aria-live])").forEach(function (status) {
      status.setAttribute("aria-live", "polite");
    });
  }

  function enablePush(button) {
    button.disabled = true;
    var key = button.getAttribute("data-vapid-key") || "";
    var url = button.getAttribute("data-subscribe-url");
    var registering = navigator.serviceWorker.getRegistration("/").then(function (found) {
      return found || navigator.serviceWorker.register(
        (SCRIPT && SCRIPT.getAttribute("data-service-worker")) || "/sw.js", { scope: "/" });
    });
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error(permission === "denied" ? "denied" : "failed");
      return registering.then(function () { return navigator.serviceWorker.ready; });
    }).then(function (registration) {
      var wanted = keyBytes(key);
      var subscribe = function () {
        return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: wanted });
      };
      return registration.pushManager.getSubscription().then(function (existing) {
        if (!existing) return subscribe();
        if (sameKey(existing, wanted)) return existing;
        // Made for another server key (the host replaced it): start afresh.
        return existing.unsubscribe().then(subscribe);
      });
    }).then(function (subscription) {
      return fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(button) },
        body: JSON.stringify(subscription.toJSON())
      });
    }).then(function (response) {
      if (!response.ok) throw new Error("failed");
      pushStatus("on");
      setTimeout(function () { window.location.reload(); }, 1200);
    }).catch(function (error) {
      pushStatus(error && error.message === "denied" ? "denied" : "failed");
      button.disabled = false;
      showPushButtons();
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-push-enable]") : null;
    if (!button || !pushPossible()) return;
    event.preventDefault();
    enablePush(button);
  });

  // The updates badge in the header, current without a reload: asked every
  // minute while the page is in view and whenever it comes back into view;
  // the installed app's icon shows the same count where the browser can.
  function showAppBadge(count) {
    if (!navigator.setAppBadge) return;
    (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()).catch(function () {});
  }

  function showUnread(link, count) {
    var badge = link.querySelector(".badge");
    if (count > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "badge";
        badge.setAttribute("aria-hidden", "true");
        link.appendChild(document.createTextNode(" "));
        link.appendChild(badge);
      }
      badge.textContent = String(count);
      var label = link.getAttribute("data-unread-label");
      if (label) link.setAttribute("aria-label", label.replace("{n}", String(count)));
    } else {
      if (badge) badge.remove();
      link.removeAttribute("aria-label");
    }
    showAppBadge(count);
  }

  var unreadTimer = null;

  function refreshUnread() {
    var link = document.querySelector(".nav-inbox[data-unread-url]");
    if (!link || unreadTimer === null || document.visibilityState !== "visible" || !window.fetch) return;
    fetch(link.getAttribute("data-unread-url"), {
      credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" }
    }).then(function (response) {
      if (response.status === 401) {
        // Signed out meanwhile: stop asking, and leave no count on the icon.
        clearInterval(unreadTimer);
        unreadTimer = null;
        showAppBadge(0);
        return null;
      }
      var type = response.headers.get("Content-Type") || "";
      return response.ok && type.indexOf("json") >= 0 ? response.json() : null;
    }).then(function (data) {
      if (data && typeof data.unread === "number") showUnread(link, data.unread);
    }).catch(function () { /* offline: the badge stays as it was */ });
  }

  function watchUnread() {
    var link = document.querySelector(".nav-inbox[data-unread-url]");
    if (!link) return;
    var badge = link.querySelector(".badge");
    showAppBadge(badge ? parseInt(badge.textContent, 10) || 0 : 0);
    unreadTimer = setInterval(refreshUnread, 60000);
    document.addEventListener("visibilitychange", refreshUnread);
  }

  // Print buttons ([data-print], hidden in the HTML): shown only here, where
  // a click can print (the CSP forbids inline scripts); without this file the
  // browser's own Print command remains.
  function showPrintButtons() {
    if (typeof window.print !== "function") return;
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", showWhatApplies);
  document.addEventListener("DOMContentLoaded", showPrintButtons);
  document.addEventListener("DOMContentLoaded", registerWorker);
  document.addEventListener("DOMContentLoaded", showPushButtons);
  document.addEventListener("DOMContentLoaded", watchUnread);
  document.addEventListener("DOMContentLoaded", detectTimezone);
  document.addEventListener("DOMContentLoaded", checkPasskeys);
})();
