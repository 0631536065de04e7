// The dialogue's optional timer: a countdown the speaker can start, pause
// and reset. The page works without it; this file only un-hides and runs it.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function setUp(box) {
    var out = box.querySelector("[data-timer-display]");
    var choose = box.querySelector("[data-timer-minutes]");
    var toggle = box.querySelector("[data-timer-toggle]");
    var reset = box.querySelector("[data-timer-reset]");
    var done = box.querySelector("[data-timer-done]");
    if (!out || !choose || !toggle || !reset) return;
    var left = 0;
    var ticking = null;

    function show() {
      out.textContent = Math.floor(left / 60) + ":" + pad(left % 60);
    }
    function stop() {
      if (ticking) clearInterval(ticking);
      ticking = null;
      toggle.textContent = toggle.getAttribute("data-start-text");
    }
    function load() {
      stop();
      left = parseInt(choose.value, 10) * 60;
      box.classList.remove("timer-finished");
      if (done) done.textContent = "";
      show();
    }
    toggle.addEventListener("click", function () {
      if (ticking) { stop(); return; }
      if (left <= 0) load();
      toggle.textContent = toggle.getAttribute("data-pause-text");
      ticking = setInterval(function () {
        left -= 1;
        show();
        if (left <= 0) {
          stop();
          box.classList.add("timer-finished");
          if (done) done.textContent = done.getAttribute("data-text");
        }
      }, 1000);
    });
    reset.addEventListener("click", load);
    choose.addEventListener("change", load);
    load();
    box.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-timer]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
