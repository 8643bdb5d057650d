/* Progressive extras only: every page works without this file. */
(function () {
  "use strict";

  var root = document.documentElement;
  var exitLink = document.getElementById("exit-this-page");
  var exitBar = document.querySelector(".exit-bar");
  var GAP = 8;  // px between the exit bar and whatever is brought into view under it

  // Leave this site quickly: the link, or Shift pressed three times within a second and a
  // half. /leave deletes the draft and ends the session before opening the neutral site;
  // location.replace takes this page out of the history, so Back can't return to it.
  var presses = [];
  function leave() {
    var url = exitLink ? exitLink.href : "/leave";
    // chat.js stops a message still on its way, so its answer can't bring the session back.
    document.dispatchEvent(new CustomEvent("quickexit"));
    document.title = "";
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
  Array.prototype.forEach.call(document.querySelectorAll(".character-count"), function (group) {
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

  // A page kept whole in the back/forward cache (after "Leave this site", say) is loaded
  // afresh when shown again, so it shows only what the server sends now: after leaving,
  // nothing. (Forms have autocomplete="off", so the browser doesn't fill them in again.)
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  // The exit bar follows the page only where it fits (see app.css): then nothing focused
  // may sit under it (WCAG 2.2, 2.4.11 Focus Not Obscured).
  function barBottom() {
    if (!exitBar || window.getComputedStyle(exitBar).position !== "sticky") { return 0; }
    return Math.max(0, exitBar.getBoundingClientRect().bottom);
  }
  function padForBar() {
    var bottom = barBottom();
    // The CSS value is a guess; this is the bar's real height once the text has wrapped.
    root.style.scrollPaddingTop = bottom ? (exitBar.offsetHeight + GAP) + "px" : "";
  }
  function keepClearOfBar(element) {
    var covered = barBottom() + GAP - element.getBoundingClientRect().top;
    if (covered > 0) { window.scrollBy(0, -covered); }
  }
  padForBar();
  window.addEventListener("resize", padForBar);
  document.addEventListener("focusin", function (event) {
    var element = event.target;
    if (!element.getBoundingClientRect || (exitBar && exitBar.contains(element))) { return; }
    // After the browser's own scrolling to the focused element.
    window.requestAnimationFrame(function () { keepClearOfBar(element); });
  });

  // Error summary links: bring the question and its field into view below the exit bar,
  // then focus the field (the GOV.UK pattern: the question is read with the field).
  function labelOf(field) {
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    var label = document.querySelector("label[for='" + field.id + "']");
    var room = window.innerHeight - barBottom() - GAP;
    if (legend && field.getBoundingClientRect().bottom - legend.getBoundingClientRect().top <= room) {
      return legend;
    }
    return label || legend;
  }
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a") : null;
      var href = link ? link.getAttribute("href") || "" : "";
      var field = href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
      if (!field) { return; }
      event.preventDefault();
      var label = labelOf(field);
      (label || field).scrollIntoView({ block: "start" });
      keepClearOfBar(label || field);
      field.focus({ preventScroll: true });
    });
    summary.focus();
  }
}());
