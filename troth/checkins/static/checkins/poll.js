// Conditional polling for live fragments (the partner's status).
// Signed-in pages are never stored by the browser (Cache-Control: no-store),
// so the browser can't revalidate on its own: this sends the ETag the
// fragment carries and keeps the fragment as it is when the answer is 304.
(function () {
  "use strict";
  if (window.trothConditionalPoll) return;
  window.trothConditionalPoll = true;

  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    var etag = elt && elt.getAttribute ? elt.getAttribute("data-etag") : null;
    if (etag) event.detail.headers["If-None-Match"] = etag;
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 304) {
      event.detail.shouldSwap = false;
      event.detail.isError = false;
    }
  });
})();
