{% load i18n %}// Troth's service worker, served at /sw.js (troth/views.py).
//
// A partner may be the adversary, and a phone may be picked up by anyone, so
// it keeps as little as it can (docs/security.md):
// - the static files, by their hashed names, and one neutral offline page,
//   fetched without cookies so it can't hold anything of anyone;
// - never a signed-in page, an htmx fragment or any JSON: navigations go to
//   the network only, and every other request is left to the browser;
// - an old version's cache is deleted as soon as a new worker takes over.
// Signing out, the quick exit, the emergency reset and deleting an account
// answer with Clear-Site-Data, which empties this cache and unregisters
// this worker and its push subscription.
"use strict";

var CACHE = "troth-static-{{ version|escapejs }}";
var PRECACHE = JSON.parse("{{ precache|escapejs }}");
var STATIC_URL = "{{ static_url|escapejs }}";
var OFFLINE_URL = "{{ offline_url|escapejs }}";
var INBOX_URL = "{{ inbox_url|escapejs }}";
var ICON_URL = "{{ icon_url|escapejs }}";
var BADGE_URL = "{{ badge_url|escapejs }}";
var APP_NAME = "{{ app_name|escapejs }}";
var DEFAULT_BODY = "{% filter escapejs %}{% blocktranslate with name=app_name %}You have an update in {{ name }}{% endblocktranslate %}{% endfilter %}";
// One notification at a time on the lock screen, replaced by the next.
var TAG = "troth-update";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(PRECACHE.map(function (url) {
        return new Request(url, { credentials: "omit", cache: "reload" });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(STATIC_URL) === 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (request.mode === "navigate") {
    // Network only; the offline page when the network fails.
    event.respondWith(fetch(request).catch(function () {
      return caches.match(OFFLINE_URL, { cacheName: CACHE, ignoreVary: true })
        .then(function (page) { return page || Response.error(); });
    }));
    return;
  }
  if (!isStatic(url)) return;  // fragments, JSON, downloads: the browser's own way
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreVary: true }).then(function (hit) {
        if (hit) return hit;
        return fetch(request).then(function (response) {
          // A static file by its hashed name is public and never changes.
          if (response.ok && response.type === "basic") cache.put(request, response.clone());
          return response;
        });
      });
    })
  );
});

// Push: Troth sends {"title", "body", "url"}, neutral
// unless the person chose details (troth/notifications/outside.py).
function sameOriginUrl(value) {
  if (typeof value !== "string" || !value) return new URL(INBOX_URL, self.location.origin).href;
  try {
    var url = new URL(value, self.location.origin);
    if (url.origin === self.location.origin) return url.href;
  } catch (e) { /* not a URL */ }
  return new URL(INBOX_URL, self.location.origin).href;
}

function text(value, fallback) {
  return typeof value === "string" && value ? value : fallback;
}

function updateAppBadge(data) {
  if (!self.navigator.setAppBadge) return Promise.resolve();
  if (typeof data.unread === "number") {
    return data.unread > 0 ? self.navigator.setAppBadge(data.unread) : self.navigator.clearAppBadge();
  }
  // No count in the message: a plain mark that something is waiting.
  return self.navigator.setAppBadge().catch(function () {});
}

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  if (!data || typeof data !== "object") data = {};
  event.waitUntil(Promise.all([
    self.registration.showNotification(text(data.title, APP_NAME), {
      body: text(data.body, DEFAULT_BODY),
      icon: ICON_URL,
      badge: BADGE_URL,
      tag: TAG,
      renotify: true,
      data: { url: sameOriginUrl(data.url) }
    }),
    updateAppBadge(data).catch(function () {})
  ]));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        var client = windows[i];
        if (new URL(client.url).origin !== self.location.origin) continue;
        if (client.url === target) return client.focus();
        if (client.navigate) {
          return client.focus().then(function (focused) {
            return (focused || client).navigate(target);
          }).catch(function () { return self.clients.openWindow(target); });
        }
      }
      return self.clients.openWindow(target);
    })
  );
});
