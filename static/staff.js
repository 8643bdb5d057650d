/* Every staff area (officers and advocates): progressive extras only, every page works
   without this file. */
(function () {
  "use strict";
  // A form came back with errors: take the focus to the summary, so a screen reader reads
  // it and the keyboard starts from it (the GOV.UK error summary pattern). Its links lead
  // to the fields by their ids.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
}());
