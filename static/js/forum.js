/* Forum forms: « Quote » inserts the quote where one types, and what one writes
   is kept as a draft in this browser until it is sent.

   Without JavaScript « Quote » submits the reply form to the server, which shows
   it again with what was typed followed by the quote; nothing is lost either way.

   Drafts: each form marked data-draft="<name>" saves its text fields in
   localStorage as one types. A draft comes back when the form is shown empty.
   On submit the form's name is noted for the next page (sessionStorage): if that
   page shows the same form again as the server re-rendered it (data-draft-kept:
   an error, a preview, a quote), the draft stays; otherwise the message was
   sent and the draft is removed. */
(function () {
  "use strict";
  var PREFIX = "sohosolo-draft:";
  var SENT = "sohosolo-draft-sent";

  function storage(name) {
    try {
      var store = window[name];
      store.setItem(PREFIX + "test", "1");
      store.removeItem(PREFIX + "test");
      return store;
    } catch (error) {
      return null; // private browsing or storage disabled: no drafts, no harm
    }
  }
  var local = storage("localStorage");
  var session = storage("sessionStorage");

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && (field.tagName === "TEXTAREA" ||
        (field.tagName === "INPUT" && field.type === "text"));
    });
  }

  function valuesOf(form) {
    var values = {}, any = false;
    fieldsOf(form).forEach(function (field) {
      values[field.name] = field.value;
      if (field.value.trim()) { any = true; }
    });
    return any ? values : null;
  }

  function read(key) {
    try { return JSON.parse(local.getItem(key) || "null"); } catch (error) { return null; }
  }

  function forgetSent() {
    var sent = session.getItem(SENT);
    if (!sent) { return; }
    session.removeItem(SENT);
    var again = document.querySelector("form[data-draft-kept][data-draft='" +
      sent.slice(PREFIX.length).replace(/'/g, "") + "']");
    if (!again) { local.removeItem(sent); }
  }

  function setUpDraft(form) {
    var key = PREFIX + form.dataset.draft;
    var note = form.querySelector(".draft-note");
    var timer = null;

    function save() {
      var values = valuesOf(form);
      if (values) { local.setItem(key, JSON.stringify(values)); } else { local.removeItem(key); }
    }

    function showRestored() {
      if (!note) { return; }
      note.textContent = note.dataset.restored + " ";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "link-button";
      discard.textContent = note.dataset.discard;
      discard.addEventListener("click", function () {
        local.removeItem(key);
        fieldsOf(form).forEach(function (field) { field.value = ""; });
        note.textContent = note.dataset.discarded;
        var first = fieldsOf(form)[0];
        if (first) { first.focus(); }
      });
      note.appendChild(discard);
      note.hidden = false;
    }

    var draft = read(key);
    if (draft && !form.hasAttribute("data-draft-kept") && !valuesOf(form)) {
      fieldsOf(form).forEach(function (field) {
        if (typeof draft[field.name] === "string") { field.value = draft[field.name]; }
      });
      showRestored();
    }
    form.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 300);
    });
    form.addEventListener("submit", function (event) {
      save();
      var by = event.submitter;
      if (!by || (by.name !== "preview" && by.name !== "citer")) {
        session.setItem(SENT, key);
      }
    });
  }

  function insertQuote(area, quote) {
    var start = area.selectionStart, end = area.selectionEnd, text = area.value;
    var before = text.slice(0, start), after = text.slice(end);
    // A Markdown quote starts on a line of its own, after a blank line.
    if (before && !/\n\n$/.test(before)) { before += /\n$/.test(before) ? "\n" : "\n\n"; }
    area.value = before + quote + after;
    var caret = before.length + quote.length;
    area.focus();
    area.setSelectionRange(caret, caret);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setUpQuotes() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-quote]");
      if (!button || !button.form) { return; }
      var area = button.form.querySelector("textarea[name='body']");
      if (!area || !window.fetch) { return; }
      event.preventDefault();
      button.setAttribute("aria-busy", "true");
      fetch(button.dataset.quote, { headers: { "Accept": "text/plain" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.text();
        })
        .then(function (quote) { insertQuote(area, quote); })
        .catch(function () { button.form.requestSubmit(button); }) // the server's way
        .finally(function () { button.removeAttribute("aria-busy"); });
    });
  }

  function start() {
    if (local && session) {
      forgetSent();
      document.querySelectorAll("form[data-draft]").forEach(setUpDraft);
    }
    setUpQuotes();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
