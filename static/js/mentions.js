/* @mention autocomplete for textareas marked data-mentions="<suggestions URL>".
   An ARIA 1.2 combobox: arrows move, Enter or Tab picks, Escape closes. Without
   JavaScript members type "@Prénom Nom" themselves; the server resolves it. */
(function () {
  "use strict";
  var TRIGGER = /(^|\s)@([^\s@]{2,}(?: [^\s@]*)?)$/u;
  var counter = 0;

  function setUp(area) {
    counter += 1;
    var list = document.createElement("ul");
    list.id = "mention-list-" + counter;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", area.dataset.mentionsLabel || "Membres");
    list.hidden = true;
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("role", "combobox");
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    area.setAttribute("aria-expanded", "false");

    var members = [], active = -1, query = null, timer = null, asked = 0;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      members = [];
      active = -1;
      area.setAttribute("aria-expanded", "false");
      area.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        area.setAttribute("aria-activedescendant", list.children[index].id);
      }
    }

    function show(found) {
      members = found;
      list.innerHTML = "";
      if (!found.length) { close(); return; }
      found.forEach(function (member, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = member.name;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(i);
        });
        list.appendChild(item);
      });
      list.hidden = false;
      area.setAttribute("aria-expanded", "true");
      highlight(0);
    }

    function pick(index) {
      var member = members[index];
      if (!member || query === null) { return; }
      var caret = area.selectionStart;
      var before = area.value.slice(0, caret - query.length - 1);
      var inserted = "@" + member.name + " ";
      area.value = before + inserted + area.value.slice(caret);
      var position = before.length + inserted.length;
      area.setSelectionRange(position, position);
      close();
      area.focus();
    }

    area.addEventListener("input", function () {
      var match = area.value.slice(0, area.selectionStart).match(TRIGGER);
      window.clearTimeout(timer);
      if (!match) { query = null; close(); return; }
      query = match[2];
      var ticket = ++asked;
      timer = window.setTimeout(function () {
        fetch(area.dataset.mentions + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" }, credentials: "same-origin"
        })
          .then(function (response) { return response.ok ? response.json() : { members: [] }; })
          .then(function (data) { if (ticket === asked) { show(data.members); } })
          .catch(close);
      }, 150);
    });

    area.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + members.length) % members.length);
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    area.addEventListener("blur", close);
  }

  function scan(root) {
    root.querySelectorAll("textarea[data-mentions]:not([role])").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSettle", function (event) { scan(event.target); });
})();
