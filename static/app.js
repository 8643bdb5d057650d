/* Progressive extras only: every page works without this file. */
(function () {
  "use strict";

  // Leave this site quickly: Shift pressed three times within a second and a half.
  var exitLink = document.getElementById("exit-this-page");
  var presses = [];
  function leave() {
    var url = exitLink ? exitLink.getAttribute("data-exit-url") : "https://www.bbc.co.uk/weather";
    document.body.textContent = "";
    window.location.replace(url);
  }
  if (exitLink) {
    exitLink.addEventListener("click", function (event) { event.preventDefault(); leave(); });
  }
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });

  // Character counter: says how many characters are left, and when it is too many.
  var counters = document.querySelectorAll(".character-count");
  Array.prototype.forEach.call(counters, function (group) {
    var max = parseInt(group.getAttribute("data-max-chars"), 10);
    var box = group.querySelector("textarea");
    var message = group.querySelector(".character-count-message");
    if (!box || !message || !max) { return; }
    function update() {
      var left = max - box.value.length;
      message.classList.toggle("over", left < 0);
      message.textContent = left >= 0
        ? left + " " + (message.getAttribute("data-left") || "characters left")
        : (-left) + " " + (message.getAttribute("data-over") || "characters too many");
    }
    box.addEventListener("input", update);
    update();
  });

  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
}());
