/* The chat widget: posts each message to /chat/messages and shows the answers.
 * Progressive enhancement: without this script the form posts to /chat and the page comes
 * back with the conversation so far, the answer included (drawn by the server either way).
 * Answers are added to an aria-live log, so screen readers read them as they arrive. */
(function () {
  "use strict";
  var form = document.getElementById("chat-form");
  if (!form || !window.fetch) { return; }
  var log = document.getElementById("chat-log");
  var scroller = document.getElementById("chat-history");  // the box that scrolls
  var input = document.getElementById("chat-input");
  var status = document.getElementById("chat-status");
  var button = document.getElementById("chat-send");
  var counter = 0;
  // The conversation so far came with the page (a reload keeps its place): show the newest.
  scroller.scrollTop = scroller.scrollHeight;
  // "Leave this site" (app.js) ends the chat session on the server. A message still on its
  // way is stopped, so its answer can't set the session cookie again afterwards.
  var leaving = window.AbortController ? new AbortController() : null;
  document.addEventListener("quickexit", function () { if (leaving) { leaving.abort(); } });

  function newMessageId() {
    counter += 1;
    var random = window.crypto && window.crypto.getRandomValues
      ? Array.prototype.map.call(window.crypto.getRandomValues(new Uint8Array(8)),
          function (b) { return ("0" + b.toString(16)).slice(-2); }).join("")
      : String(Math.random()).slice(2);
    return "m" + Date.now().toString(36) + "-" + counter + "-" + random;
  }

  function add(who, text, kind, lang) {
    var item = document.createElement("li");
    item.className = "chat-message chat-message--" + kind;
    var label = document.createElement("span");
    label.className = "chat-who";
    label.textContent = who + ": ";
    var body = document.createElement("span");
    body.className = "chat-text";
    body.textContent = text;  // never innerHTML: text only
    if (lang) { body.setAttribute("lang", lang); }  // the label stays in the page's language
    item.appendChild(label);
    item.appendChild(body);
    log.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function send(text, messageId, attempt) {
    return fetch(form.getAttribute("data-endpoint"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": form.getAttribute("data-csrf-token")
      },
      body: JSON.stringify({ text: text, message_id: messageId }),
      signal: leaving ? leaving.signal : undefined
    }).then(function (response) {
      if (response.status >= 500 && attempt < 2) {
        // Same message id: the server stores a retried message only once.
        return send(text, messageId, attempt + 1);
      }
      if (response.status === 400 && attempt < 2) {
        // The page was open longer than its token lasts: the answer brings a new one,
        // and the same message goes again (nothing was stored the first time).
        return response.json().then(function (answer) {
          if (!answer.csrf_token) { throw new Error("HTTP 400"); }
          form.setAttribute("data-csrf-token", answer.csrf_token);
          return send(text, messageId, attempt + 1);
        });
      }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { input.focus(); return; }
    add(form.getAttribute("data-you"), text, "you");
    input.value = "";
    button.disabled = true;
    status.textContent = form.getAttribute("data-sending");
    send(text, newMessageId(), 0).then(function (answer) {
      status.textContent = "";
      var langs = answer.reply_langs || [];
      (answer.replies || []).forEach(function (reply, index) {
        // Each reply carries its language: a Welsh greeting is read as Welsh.
        add(form.getAttribute("data-us"), reply, "us", langs[index]);
      });
    }).catch(function () {
      status.textContent = form.getAttribute("data-failed");
      // Nothing the child typed is lost: the words go back in the box to send again.
      if (!input.value) { input.value = text; }
    }).then(function () {
      button.disabled = false;
      input.focus();
    });
  });

  // Enter sends, Shift+Enter makes a new line: what people expect from a chat box.
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
}());
