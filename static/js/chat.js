// The chat's pages, live: one WebSocket to /ws/ (protocol in chat/consumers.py).
// Without this script the pages still work: plain HTML forms and links.
// Message text is only ever put in the page as text nodes, never as HTML.
//
// On the list (/discussions/) the socket keeps the rooms' unread counts and the
// list itself current. In a room, what the tab shows converges on the room's
// history, whatever arrives late, out of order or not at all: each message has
// its place in the room (`seq`, 1, 2, 3…); the tab keeps them by place, and
// fetches any place it lacks (`catchup`) below the last one it heard of — from a
// live message, or from the server's answer to the ping every 15 s. Sends carry
// a key of their own: a send retried after a time-out or a reconnection is
// stored once. A send with files goes as a multipart POST (same key).
(function () {
  "use strict";

  var section = document.querySelector(".chat-room");
  var roomList = document.querySelector(".room-list");
  if ((!section && !roomList) || !("WebSocket" in window)) return;

  var texts = section ? section.dataset : {};
  var roomId = section ? Number(section.dataset.room) : 0;
  var userId = section ? Number(section.dataset.user) : 0;
  var zone = texts.tz || "Europe/Paris";
  var lang = document.documentElement.lang || "fr";
  var list = section && section.querySelector(".chat-messages");
  var scroller = section && section.querySelector(".chat-scroll");
  var status = section && section.querySelector(".chat-status");
  var alertLine = section && section.querySelector(".chat-alert");
  var typingLine = section && section.querySelector(".chat-typing");
  var presenceLine = section && section.querySelector(".chat-presence");
  var jump = section && section.querySelector(".chat-jump");
  var form = section && section.querySelector(".chat-composer");
  var box = form && form.querySelector("textarea");
  var fileInput = form && form.querySelector('input[type="file"]');
  var fileList = form && form.querySelector(".chat-composer__files");
  var replyBar = form && form.querySelector(".chat-composer__reply");
  var older = section && section.querySelector(".chat-older a");
  var readForm = section && section.querySelector(".chat-read");
  var actionsForm = document.getElementById("chat-actions");
  var SEND_TIMEOUT = 10000;
  var MAX_FILES = 4;
  var MAX_BYTES = 10 * 1024 * 1024;
  var MAX_TOTAL = 24 * 1024 * 1024;  // a request is at most 25 MB (MAX_REQUEST_BYTES)
  var STORE = "sohosolo-chat-pending-" + roomId;
  var REACTIONS = [];  // [{key, emoji, name}] as the page's menus list them
  var socket = null;
  var attempts = 0;
  var typingTimer = null;
  var retry = null;
  var lastTyping = 0;
  var lastHeard = 0;
  var pingAt = 0;
  var URL_RE = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;
  var MENTION_RE = /@\[(\d{1,10})\]/g;

  // The room as this tab knows it: every place from `first` to `upto` is shown;
  // `latest` is the last place heard of; `synced` the server's mark of the last
  // catch-up (edits, deletions and reactions after it are fetched again).
  var known = {};  // seq -> message id
  var first = 0;
  var upto = 0;
  var latest = 0;
  var synced = texts.synced || "";
  var fetching = false;
  var lastReadId = 0;
  var newSince = null;  // the divider goes before the first message not read
  var unseen = 0;  // messages come while the reader was scrolled up
  var hellos = 0;  // more than one: what the catch-up brings was missed meanwhile
  var pending = section ? loadPending() : {};  // key -> {body, state}
  var replyTo = null;  // {id, author, excerpt}
  var chosen = [];  // files chosen for the next send

  // Times and days in the member's zone, as the server writes them.
  var hourFormat = new Intl.DateTimeFormat(lang, {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone
  });
  var keyFormat = new Intl.DateTimeFormat("en-CA", {
    year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone
  });
  function dayKey(date) { return keyFormat.format(date); }
  function dayLabel(key) {
    var now = new Date();
    if (key === dayKey(now)) return texts.today;
    if (key === dayKey(new Date(now.getTime() - 86400000))) return texts.yesterday;
    var parts = key.split("-").map(Number);
    var noon = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], 12));
    var options = { weekday: "long", day: "numeric", month: "long", timeZone: zone };
    if (parts[0] !== now.getFullYear()) options.year = "numeric";
    return new Intl.DateTimeFormat(lang, options).format(noon);
  }
  function url(template, id) { return template.replace(/\/0\//, "/" + id + "/"); }

  if (section) {
    section.classList.add("is-live");
    var set = document.getElementById("chat-reaction-set");
    if (set) REACTIONS = JSON.parse(set.textContent);
    list.querySelectorAll(".chat-message[data-seq]").forEach(function (item) {
      var seq = Number(item.dataset.seq);
      known[seq] = Number(item.dataset.id);
      if (!first || seq < first) first = seq;
    });
    advance();
    latest = upto;
    var serverDivider = list.querySelector(".chat-divider");
    if (serverDivider) newSince = Number(serverDivider.dataset.seq);
  }

  function advance() {
    if (!first) return;
    if (!upto) upto = first - 1;
    while (known[upto + 1] !== undefined) upto += 1;
  }

  function setStatus(key) {
    if (!section) return;
    status.textContent = status.dataset[key] || "";
    section.dataset.state = key;
  }

  function announce(text) {
    if (!alertLine) return;
    alertLine.textContent = "";
    setTimeout(function () { alertLine.textContent = text; }, 50);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text, className) {
    var a = el("a", className, text);
    a.href = href;
    return a;
  }

  // Text, links and mentions, as DOM nodes.
  function renderBody(body, mentions, into) {
    body.split("\n").forEach(function (line, index) {
      if (index) into.appendChild(document.createElement("br"));
      line.split(MENTION_RE).forEach(function (part, i) {
        if (i % 2 === 1) {
          var name = mentions[part];
          into.appendChild(name ? link(url(texts.profileUrl, part), "@" + name, "mention") : document.createTextNode("@"));
          return;
        }
        var last = 0;
        part.replace(URL_RE, function (address, _group, offset) {
          into.appendChild(document.createTextNode(part.slice(last, offset)));
          var a = link(address, address);
          a.rel = "nofollow noopener ugc";
          into.appendChild(a);
          last = offset + address.length;
        });
        into.appendChild(document.createTextNode(part.slice(last)));
      });
    });
  }

  function timeOf(iso) {
    var time = el("time", "", hourFormat.format(new Date(iso)));
    time.dateTime = iso;
    return time;
  }

  function sizeOf(bytes) {
    if (bytes < 1024) return bytes + " o";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1).replace(".", ",") + " Ko";
    return (bytes / 1024 / 1024).toFixed(1).replace(".", ",") + " Mo";
  }

  function reactionButton(messageId, reaction, extra) {
    var button = el("button", "reaction");
    button.type = "submit";
    button.setAttribute("form", "chat-actions");
    button.setAttribute("formaction", url(texts.reactUrl, messageId));
    button.name = "reaction";
    button.value = reaction.key;
    var emoji = el("span", "", reaction.emoji);
    emoji.setAttribute("aria-hidden", "true");
    button.appendChild(emoji);
    button.appendChild(el("span", "visually-hidden", reaction.name + (extra || "")));
    return button;
  }

  function reactionName(key) {
    for (var i = 0; i < REACTIONS.length; i++) if (REACTIONS[i].key === key) return REACTIONS[i].name;
    return key;
  }

  function messageItem(message) {
    var own = message.author.id === userId;
    var li = el("li", "chat-message" + (own ? " is-own" : "") + (message.deleted ? " is-deleted" : ""));
    li.id = "message-" + message.id;
    li.dataset.id = message.id;
    li.dataset.seq = message.seq;
    li.dataset.day = dayKey(new Date(message.created_at));
    var head = el("p", "chat-message__head");
    head.appendChild(message.author.profile
      ? link(url(texts.profileUrl, message.author.id), message.author.name)
      : el("strong", "", message.author.name));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(timeOf(message.created_at));
    if (message.edited && !message.deleted) head.appendChild(el("span", "meta", " (" + texts.edited + ")"));
    li.appendChild(head);
    var quote = message.reply_to;
    if (quote) {
      var q = link("#message-" + quote.id, "", "chat-quote");
      q.appendChild(el("span", "visually-hidden", texts.inReply + " "));
      q.appendChild(el("span", "chat-quote__author", quote.author));
      q.appendChild(document.createTextNode(" "));
      q.appendChild(el("span", "chat-quote__text", quote.deleted ? texts.deleted : quote.excerpt));
      li.appendChild(q);
    }
    if (message.deleted) {
      li.appendChild(el("p", "meta", texts.deleted));
      return li;
    }
    if (message.body) {
      var body = el("p", "chat-message__body");
      renderBody(message.body, message.mentions || {}, body);
      li.appendChild(body);
    }
    if (message.attachments && message.attachments.length) {
      var files = el("ul", "list-plain chat-files");
      message.attachments.forEach(function (file) {
        var item = el("li");
        if (file.thumbnail) {
          var a = link(file.url, "", "chat-file chat-file--photo");
          var img = el("img");
          img.src = file.thumbnail;
          img.alt = file.name;
          img.loading = "lazy";
          if (file.width && file.height) {
            var scale = Math.min(1, 160 / Math.max(file.width, file.height));
            img.width = Math.max(1, Math.round(file.width * scale));
            img.height = Math.max(1, Math.round(file.height * scale));
          }
          a.appendChild(img);
          item.appendChild(a);
        } else {
          var doc = link(file.url, "", "chat-file");
          doc.setAttribute("download", "");
          doc.appendChild(document.createTextNode(file.name + " "));
          doc.appendChild(el("span", "meta", "(" + sizeOf(file.size) + ")"));
          item.appendChild(doc);
        }
        files.appendChild(item);
      });
      li.appendChild(files);
    }
    var bar = el("div", "chat-reactions");
    (message.reactions || []).forEach(function (given) {
      var mine = given.users.indexOf(userId) !== -1;
      var name = reactionName(given.key);
      var button = reactionButton(message.id, { key: given.key, emoji: given.emoji, name: name },
        " (" + given.names.join(", ") + ")");
      button.className = "reaction" + (mine ? " reaction--mine" : "");
      button.setAttribute("aria-pressed", mine ? "true" : "false");
      button.title = name + " : " + given.names.join(", ");
      button.appendChild(document.createTextNode(" " + given.count));
      if (!form) button.disabled = true;
      bar.appendChild(button);
    });
    li.appendChild(bar);
    if (form) {
      var actions = el("div", "chat-message__actions");
      var reply = link("?reponse=" + message.id + "#composer", texts.reply);
      reply.dataset.reply = message.id;
      actions.appendChild(reply);
      var menu = el("details", "chat-react");
      menu.appendChild(el("summary", "", texts.react));
      menu.appendChild(el("div", "chat-react__menu"));  // filled when opened
      actions.appendChild(menu);
      if (own) {
        actions.appendChild(link(url(texts.editUrl, message.id), texts.edit));
        var remove = el("button", "link-button", texts.delete);
        remove.type = "submit";
        remove.setAttribute("form", "chat-actions");
        remove.setAttribute("formaction", url(texts.deleteUrl, message.id));
        remove.dataset.delete = message.id;
        actions.appendChild(remove);
      }
      li.appendChild(actions);
    }
    return li;
  }

  // Scrolling: the messages' region is anchored at its bottom (column-reverse),
  // so its scrollTop is 0 at the latest message and negative above.
  function fromBottom() { return scroller ? Math.abs(scroller.scrollTop) : 0; }
  function nearBottom() { return fromBottom() < 150; }
  function toBottom() {
    if (scroller) scroller.scrollTop = 0;
    unseen = 0;
    showJump();
  }
  function showJump() {
    if (!jump) return;
    var away = fromBottom() > 300;
    if (!away) unseen = 0;
    jump.hidden = !away && !unseen;
    jump.textContent = unseen ? jump.dataset.many.replace("%s", unseen) : jump.dataset.one;
  }

  // The list item that comes after place `seq`, to insert before it.
  function itemAfter(seq) {
    var items = list.querySelectorAll(".chat-message[data-seq]");
    for (var i = items.length - 1; i >= 0; i--) {
      if (Number(items[i].dataset.seq) < seq) {
        var next = items[i].nextSibling;
        // After the last of its place: past the pending ones, before a new day.
        return next;
      }
    }
    return items.length ? items[0] : list.firstChild;
  }

  // A separator before the first message of each day (rebuilt after changes).
  function separateDays() {
    list.querySelectorAll(".chat-day").forEach(function (day) { day.remove(); });
    var previous = null;
    list.querySelectorAll(".chat-message[data-day]").forEach(function (item) {
      var key = item.dataset.day;
      if (key === previous) return;
      previous = key;
      var day = el("li", "chat-day");
      day.dataset.day = key;
      day.appendChild(el("span", "", dayLabel(key)));
      var before = item.previousElementSibling;
      list.insertBefore(day, before && before.classList.contains("chat-divider") ? before : item);
    });
  }

  // Put messages in their place: new ones inserted, known ones replaced (an
  // edit, a deletion, a reaction), whatever the order they come in.
  function place(messages, options) {
    if (!list) return;
    var stick = nearBottom();
    var added = 0;
    var empty = list.querySelector(".chat-empty");
    messages.forEach(function (message) {
      if (message.room !== roomId) return;
      var old = document.getElementById("message-" + message.id);
      if (old) {
        var open = old.querySelector("details[open]");
        var item = messageItem(message);
        old.replaceWith(item);
        if (open) { var again = item.querySelector("details"); if (again) again.open = true; }
        return;
      }
      if (!message.seq || (first && message.seq < first && !(options && options.older))) return;
      if (empty) { empty.remove(); empty = null; }
      var fresh = messageItem(message);
      if (options && options.fresh && newSince === null) {
        newSince = message.seq;
        list.insertBefore(el("li", "chat-divider"), itemAfter(message.seq));
      }
      list.insertBefore(fresh, itemAfter(message.seq));
      known[message.seq] = message.id;
      if (!first || message.seq < first) first = message.seq;
      if (message.seq > latest) latest = message.seq;
      if (!(options && options.older) && message.author.id !== userId) added += 1;
      settle(message);
    });
    advance();
    updateDivider();
    separateDays();
    if (stick && !(options && options.older)) toBottom();
    else if (added) { unseen += added; showJump(); }
    markRead();
  }

  function updateDivider() {
    var divider = list.querySelector(".chat-divider");
    if (!divider || newSince === null) return;
    var count = 0;
    list.querySelectorAll(".chat-message[data-seq]:not(.is-own)").forEach(function (item) {
      if (Number(item.dataset.seq) >= newSince) count += 1;
    });
    divider.textContent = (count === 1 ? texts.newOne : texts.newMany).replace("%s", count);
  }

  // Ask for what is missing below the last place heard of.
  function catchUp() {
    if (fetching || !socket || !section) return;
    if (latest <= upto && !section.dataset.changed) return;
    fetching = send({ type: "catchup", room: roomId, after: upto, since: synced });
    delete section.dataset.changed;
  }

  function caughtUp(frame) {
    fetching = false;
    place(frame.changed || []);
    place(frame.messages, { fresh: hellos > 1 });
    if (frame.latest > latest) latest = frame.latest;
    if (frame.synced) synced = frame.synced;
    if (frame.more || latest > upto) catchUp();
  }

  function prepend(messages, more) {
    place(messages, { older: true });  // anchored at the bottom: the view stays
    if (!more && older) { older.parentNode.remove(); older = null; }
    else if (older && messages.length) older.dataset.before = messages[0].seq;
  }

  // What the tab shows is read once the socket says so (a GET writes nothing).
  // The room's count in the list goes at once, the total with `unread`.
  function markRead() {
    var id = known[upto];
    if (!id || id <= lastReadId || document.visibilityState !== "visible") return;
    if (send({ type: "read", room: roomId, id: id })) {
      lastReadId = id;
      var badge = document.querySelector('.room-list [data-room="' + roomId + '"] .room-list__unread');
      if (badge) setBadge(badge, 0);
      if (readForm) { readForm.remove(); readForm = null; }
    }
  }

  // Sending: each message waits in the list (« envoi… ») until the server has
  // stored it, and survives a reload in the browser's storage.

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function loadPending() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}") || {}; }
    catch (error) { return {}; }
  }

  function savePending() {
    try {
      var kept = {};
      for (var key in pending) {
        if (pending[key].files) continue;  // files do not survive a reload
        kept[key] = { body: pending[key].body, replyTo: pending[key].replyTo };
      }
      if (Object.keys(kept).length) localStorage.setItem(STORE, JSON.stringify(kept));
      else localStorage.removeItem(STORE);
    } catch (error) { /* private browsing: the page keeps them while open */ }
  }

  function pendingItem(key) {
    var li = document.getElementById("pending-" + key);
    if (li) return li;
    li = el("li", "chat-message is-own is-pending");
    li.id = "pending-" + key;
    var body = el("p", "chat-message__body");
    renderBody(pending[key].body, {}, body);
    if (pending[key].files) {
      pending[key].files.forEach(function (file) {
        body.appendChild(document.createElement("br"));
        body.appendChild(document.createTextNode(file.name));
      });
    }
    li.appendChild(body);
    li.appendChild(el("p", "chat-message__state meta"));
    list.appendChild(li);
    return li;
  }

  function showPending(key) {
    var entry = pending[key];
    var li = pendingItem(key);
    var state = li.querySelector(".chat-message__state");
    state.textContent = "";
    li.classList.toggle("is-failed", entry.state === "failed");
    if (entry.state === "failed") {
      state.appendChild(document.createTextNode(texts.failed + " "));
      var again = el("button", "link-button", texts.retry);
      again.type = "button";
      again.addEventListener("click", function () { transmit(key); });
      state.appendChild(again);
    } else {
      state.textContent = texts.sending;
    }
  }

  function transmit(key) {
    var entry = pending[key];
    if (!entry) return;
    entry.state = "sending";
    showPending(key);
    clearTimeout(entry.timer);
    if (entry.files) { upload(key); return; }
    var frame = { type: "send", room: roomId, body: entry.body, key: key, ref: key };
    if (entry.replyTo) frame.reply_to = entry.replyTo;
    if (!send(frame)) {
      fail(key);
      return;
    }
    entry.timer = setTimeout(function () { fail(key); }, SEND_TIMEOUT);
  }

  // A send with files: the same fields as the page's form, as JSON.
  function upload(key) {
    var entry = pending[key];
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector('[name="csrfmiddlewaretoken"]').value);
    data.append("key", key);
    data.append("body", entry.body);
    if (entry.replyTo) data.append("reply_to", entry.replyTo);
    entry.files.forEach(function (file) { data.append("files", file, file.name); });
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 413) throw { refused: form.dataset.tooMuch };
      return response.json().then(function (answer) {
        if (!response.ok) throw { refused: answer.error };
        clearError();
        place([answer.message]);
        catchUp();
      });
    }).catch(function (error) {
      if (error && error.refused) refused(key, error.refused);
      else fail(key);
    });
  }

  function fail(key, text) {
    var entry = pending[key];
    if (!entry || entry.state === "failed") return;
    clearTimeout(entry.timer);
    entry.state = "failed";
    showPending(key);
    announce(text || texts.failedAlert);
  }

  function settle(message) {
    var key = message.key;
    if (!key || !pending[key] || message.author.id !== userId) return;
    clearTimeout(pending[key].timer);
    delete pending[key];
    savePending();
    var li = document.getElementById("pending-" + key);
    if (li) li.remove();
  }

  function refused(key, text) {
    // The server said no for good (too long, forbidden, a file refused…): the
    // text and the files go back in the composer, with the reason.
    var entry = pending[key];
    if (!entry) return;
    clearTimeout(entry.timer);
    delete pending[key];
    savePending();
    var li = document.getElementById("pending-" + key);
    if (li) li.remove();
    if (box && !box.value) box.value = entry.body;
    if (entry.files && !chosen.length) { chosen = entry.files; showFiles(); }
    showError(text);
  }

  // « En ligne : Alice, Bruno (+3) », without oneself.
  function showPresence(online) {
    var names = [];
    var me = false;
    online.people.forEach(function (person) {
      if (person.id === userId) me = true;
      else names.push(person.name);
    });
    var more = online.count - names.length - (me ? 1 : 0);
    var data = presenceLine.dataset;
    presenceLine.textContent = names.length
      ? data.label + " " + names.join(", ") + (more > 0 ? " (+" + more + ")" : "")
      : data.none;
    presenceLine.classList.toggle("is-someone", names.length > 0);
  }

  // Unread counts: the total in the navigation, each room's in the list.
  function setBadge(badge, count) {
    badge.querySelector(".count").textContent = count;
    var label = badge.querySelector(".visually-hidden");
    var data = roomList && roomList.dataset;
    if (label && data && data.unreadOne && badge.classList.contains("room-list__unread")) {
      label.textContent = (count === 1 ? data.unreadOne : data.unreadMany).replace("%s", count);
    }
    var item = badge.closest("[data-room]");
    badge.hidden = !count || Boolean(item && item.hasAttribute("data-muted"));
  }

  function setTotal(total) {
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      badge.querySelector(".count").textContent = total;
      badge.hidden = !total;
    });
  }

  // The server's counts (after a reconnection or a lost broadcast, they are the
  // truth).
  function setUnread(total, rooms) {
    if (typeof total !== "number") return;
    setTotal(total);
    if (!rooms) return;
    var missing = false;
    for (var id in rooms) {
      if (!document.querySelector('.room-list [data-room="' + id + '"]')) missing = true;
    }
    document.querySelectorAll(".room-list [data-room]").forEach(function (item) {
      var badge = item.querySelector(".room-list__unread");
      if (badge) setBadge(badge, rooms[item.dataset.room] || 0);
    });
    if (missing) refreshList();
  }

  function bumpRoom(id) {
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      var total = badge.querySelector(".count");
      total.textContent = Number(total.textContent || 0) + 1;
      badge.hidden = false;
    });
    var item = document.querySelector('.room-list [data-room="' + id + '"]');
    if (!item) { refreshList(); return; }  // a conversation new to this tab
    var badge = item.querySelector(".room-list__unread");
    if (badge) setBadge(badge, Number(badge.querySelector(".count").textContent || 0) + 1);
    var ul = item.parentNode;
    if (ul.firstElementChild !== item) ul.insertBefore(item, ul.firstElementChild);
  }

  // The list again from the server (a new conversation, one left). Asked again
  // while a fetch is on its way, it fetches once more after it: the first answer
  // may predate what asked (a message in the conversation just listed).
  var refreshing = null;
  var refreshAgain = false;
  function refreshed() {
    refreshing = null;
    if (refreshAgain) {
      refreshAgain = false;
      refreshList();
    }
  }
  function refreshList() {
    if (!roomList) return;
    if (refreshing) { refreshAgain = true; return; }
    refreshing = fetch(roomList.dataset.refresh, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fetched = new DOMParser().parseFromString(html, "text/html");
        var fresh = fetched.querySelector(".room-list ul");
        if (!fresh) return;
        var total = fetched.querySelector("[data-chat-unread] .count");
        if (total) setTotal(Number(total.textContent) || 0);
        var current = fresh.querySelector('[data-room="' + roomId + '"]');
        if (current) {
          current.classList.add("is-current");
          current.querySelector("a").setAttribute("aria-current", "page");
        }
        roomList.querySelector("ul").replaceWith(fresh);
      })
      .then(refreshed, refreshed);
  }

  function clearError() {
    var error = form && form.querySelector(".errorlist");
    if (error) error.remove();
  }

  function showError(text) {
    var error = form.querySelector(".errorlist");
    if (!error) {
      error = el("p", "errorlist");
      error.setAttribute("role", "alert");
      form.insertBefore(error, form.firstChild);
    }
    error.textContent = text;
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  var handlers = {
    hello: function (frame) {
      hellos += 1;
      attempts = 0;
      setStatus("connected");
      setUnread(frame.unread, frame.unread_rooms);
      if (!section) return;
      fetching = send({ type: "subscribe", room: roomId, after: upto, since: synced });
      for (var key in pending) transmit(key);
    },
    subscribed: function (frame) {
      caughtUp(frame);
      showPresence(frame.online);
    },
    catchup: caughtUp,
    pong: function (frame) {
      setUnread(frame.unread, frame.unread_rooms);
      var room = frame.rooms && frame.rooms[roomId];
      if (!room) return;
      if (room.latest > latest) latest = room.latest;
      if (room.changed && room.changed > synced) section.dataset.changed = "1";
      catchUp();
    },
    presence: function (frame) { if (frame.room === roomId) showPresence(frame.online); },
    history: function (frame) { prepend(frame.messages, frame.more); },
    message: function (frame) {
      if (frame.message.seq > latest) latest = frame.message.seq;
      place([frame.message]);
      catchUp();
    },
    edited: function (frame) { place([frame.message]); },
    deleted: function (frame) { place([frame.message]); },
    reacted: function (frame) { place([frame.message]); },
    activity: function (frame) { if (frame.room !== roomId) bumpRoom(frame.room); },
    unread: function (frame) { setUnread(frame.total, frame.rooms); },
    rooms: function () { refreshList(); },
    sent: function (frame) {
      clearError();
      place([frame.message]);
      catchUp();
    },
    typing: function (frame) {
      if (!typingLine) return;
      typingLine.textContent = texts.typing.replace("%s", frame.name);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typingLine.textContent = ""; }, 4000);
    },
    notification: function () {
      var bell = document.querySelector(".bell");
      if (!bell) return;
      var count = bell.querySelector(".bell__count");
      if (!count) {
        count = el("span", "bell__count", "0");
        bell.appendChild(count);
      }
      count.firstChild.nodeValue = String(Number(count.firstChild.nodeValue) + 1);
    },
    revoked: function (frame) {
      if (frame.room === roomId) {
        setStatus("revoked");
        if (form) form.remove();
      }
      refreshList();
    },
    error: function (frame) {
      if (frame.room === roomId && (frame.code === "unavailable") && fetching) fetching = false;
      var key = frame.ref;
      if (key === undefined || !pending[key]) {
        if (frame.message && section && !frame.ref && frame.code !== "unavailable") announce(frame.message);
        return;
      }
      if (frame.code === "unavailable") fail(key, frame.message);
      else refused(key, frame.message);
    }
  };

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/");
    socket.onmessage = function (event) {
      lastHeard = Date.now();
      var frame = JSON.parse(event.data);
      var handler = handlers[frame.type];
      if (handler) handler(frame);
    };
    socket.onopen = function () { lastHeard = Date.now(); };
    socket.onclose = function (event) {
      socket = null;
      fetching = false;
      for (var key in pending) if (pending[key].state === "sending" && !pending[key].files) fail(key);
      if (event.code === 4001) { setStatus("offline"); return; }  // logged out
      reconnectLater();
    };
  }

  function reconnectLater() {
    setStatus("reconnecting");
    var delay = Math.min(30000, 1000 * Math.pow(2, attempts)) * (0.5 + Math.random() / 2);
    attempts += 1;
    retry = setTimeout(connect, delay);
  }

  // A connection can die without a word (a phone changing cells, a server gone
  // while we were offline): the server answers each ping at once, so a socket
  // still silent 10 s after a ping is dropped and replaced.
  setInterval(function () {
    var silent = pingAt && lastHeard < pingAt && Date.now() - pingAt > 10000;
    if (socket && socket.readyState === WebSocket.OPEN && silent) {
      var dead = socket;
      socket = null;
      dead.onclose = dead.onmessage = null;
      dead.close();
      fetching = false;
      for (var key in pending) if (pending[key].state === "sending" && !pending[key].files) fail(key);
      reconnectLater();
    }
  }, 5000);

  // Back on the network: try at once rather than at the end of the back-off.
  window.addEventListener("online", function () {
    if (!socket && retry) {
      clearTimeout(retry);
      retry = null;
      connect();
    }
  });

  // The composer: reply, files, a box that grows with the text.

  function setReply(item) {
    if (!replyBar) return;
    var input = replyBar.querySelector('[name="reply_to"]');
    if (!item) {
      replyTo = null;
      input.value = "";
      replyBar.hidden = true;
      return;
    }
    var author = item.querySelector(".chat-message__head a, .chat-message__head strong");
    var body = item.querySelector(".chat-message__body");
    var text = body ? body.textContent.replace(/\s+/g, " ").trim() : "";
    if (text.length > 120) text = text.slice(0, 120).replace(/\s+\S*$/, "") + "…";
    if (!text && item.querySelector(".chat-files")) {
      text = item.querySelector(".chat-files img, .chat-files a").getAttribute("alt") ||
        item.querySelector(".chat-files a").textContent;
    }
    replyTo = Number(item.dataset.id);
    input.value = replyTo;
    var cancel = replyBar.querySelector(".chat-composer__cancel");
    replyBar.querySelector(".chat-quote__author").textContent =
      cancel.dataset.inReply.replace("%s", author ? author.textContent : "");
    replyBar.querySelector(".chat-quote__text").textContent = text;
    replyBar.hidden = false;
    box.focus();
  }

  function showFiles() {
    if (!fileList) return;
    fileList.textContent = "";
    chosen.forEach(function (file, index) {
      var item = el("li", "", file.name + " (" + sizeOf(file.size) + ")");
      var remove = el("button", "button--secondary button--small", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", (texts.removeFile || "Retirer") + " " + file.name);
      remove.addEventListener("click", function () {
        chosen.splice(index, 1);
        showFiles();
        box.focus();
      });
      item.appendChild(remove);
      fileList.appendChild(item);
    });
  }

  function grow() {
    box.style.height = "auto";
    box.style.height = Math.min(box.scrollHeight + 2, 144) + "px";
  }

  if (form) {
    texts.removeFile = form.dataset.removeFile;
    var initialReply = replyBar.querySelector('[name="reply_to"]').value;
    if (initialReply) replyTo = Number(initialReply);
    form.addEventListener("submit", function (event) {
      var body = box.value.trim();
      if ((!body && !chosen.length) || !socket || socket.readyState !== WebSocket.OPEN) {
        if (!body && !chosen.length) event.preventDefault();
        return;  // plain HTTP
      }
      event.preventDefault();
      if (chosen.length > MAX_FILES) { showError(form.dataset.tooMany); return; }
      var total = 0;
      for (var i = 0; i < chosen.length; i++) {
        if (chosen[i].size > MAX_BYTES) { showError(form.dataset.tooBig.replace("%s", chosen[i].name)); return; }
        total += chosen[i].size;
      }
      if (total > MAX_TOTAL) { showError(form.dataset.tooMuch); return; }
      var key = newKey();
      pending[key] = { body: box.value, state: "sending", replyTo: replyTo };
      if (chosen.length) pending[key].files = chosen.slice();
      savePending();
      box.value = "";
      grow();
      chosen = [];
      if (fileInput) fileInput.value = "";
      showFiles();
      setReply(null);
      clearError();
      transmit(key);
      toBottom();
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing &&
          !box.getAttribute("aria-activedescendant")) {
        event.preventDefault();
        form.requestSubmit();
      }
      if (event.key === "Escape" && replyTo) setReply(null);
    });
    box.addEventListener("input", function () {
      grow();
      var now = Date.now();
      if (now - lastTyping > 3000) {
        lastTyping = now;
        send({ type: "typing", room: roomId });
      }
    });
    if (fileInput) {
      fileInput.addEventListener("change", function () {
        Array.prototype.forEach.call(fileInput.files, function (file) { chosen.push(file); });
        fileInput.value = "";  // the files travel from `chosen`, not the input
        showFiles();
        if (chosen.length > MAX_FILES) showError(form.dataset.tooMany);
      });
    }
    replyBar.querySelector(".chat-composer__cancel").addEventListener("click", function (event) {
      event.preventDefault();
      setReply(null);
      box.focus();
    });
    // Messages left waiting by an earlier visit: shown, and sent once connected.
    for (var waiting in pending) { pending[waiting].state = "failed"; showPending(waiting); }
  }

  // « React » opens a menu of the room's reactions, made when it first opens:
  // the page lists them once (`chat-reaction-set`), not once per message, and
  // holds in each menu a link to the message's reaction page instead.
  function fillMenu(menu) {
    var item = menu.closest(".chat-message");
    var choices = menu.querySelector(".chat-react__menu");
    if (!item || !choices || choices.querySelector(".reaction")) return;
    choices.textContent = "";
    REACTIONS.forEach(function (reaction) {
      var button = reactionButton(Number(item.dataset.id), reaction);
      button.title = reaction.name;
      choices.appendChild(button);
    });
  }

  // A message's actions, over the socket when it is open (else the forms work).
  if (list) {
    list.addEventListener("toggle", function (event) {
      if (event.target.open && event.target.matches(".chat-react")) fillMenu(event.target);
    }, true);
    list.addEventListener("click", function (event) {
      var summary = event.target.closest(".chat-react > summary");
      if (summary) { fillMenu(summary.parentNode); return; }
      var target = event.target.closest("a, button");
      if (!target || !list.contains(target)) return;
      var item = target.closest(".chat-message");
      if (target.dataset.reply) {
        event.preventDefault();
        setReply(item);
        return;
      }
      if (target.matches("a.chat-quote")) {
        var quoted = document.querySelector(target.getAttribute("href"));
        if (quoted) {
          event.preventDefault();
          quoted.scrollIntoView({ block: "center" });
          quoted.classList.add("is-flash");
          setTimeout(function () { quoted.classList.remove("is-flash"); }, 1500);
        }
        return;
      }
      if (!socket || socket.readyState !== WebSocket.OPEN || !item) return;
      var id = Number(item.dataset.id);
      if (target.dataset.delete) {
        event.preventDefault();
        if (window.confirm(texts.confirmDelete)) send({ type: "delete", id: id });
        return;
      }
      if (target.name === "reaction") {
        event.preventDefault();
        send({ type: "react", id: id, reaction: target.value });
        var menu = target.closest("details");
        if (menu) menu.open = false;
      }
    });
  }

  // Older messages: asked for over the socket when the link scrolls into view
  // (or is followed); without a socket the link loads the previous page.
  var askedBefore = null;
  function askOlder() {
    var before = Number(older.dataset.before);
    if (before === askedBefore) return true;  // already on its way
    if (!send({ type: "history", room: roomId, before: before })) return false;
    askedBefore = before;
    return true;
  }
  if (older) {
    older.addEventListener("click", function (event) {
      if (askOlder()) event.preventDefault();
    });
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (older && entries[0].isIntersecting && section.dataset.state === "connected") askOlder();
      }, { root: scroller }).observe(older);
    }
  }

  // The room's height: the screen under the header (and above the keyboard).
  function fit() {
    var page = document.querySelector(".chat-page");
    var layout = document.querySelector(".chat-layout");
    if (!page || !layout) return;
    var top = layout.getBoundingClientRect().top + window.scrollY;
    var viewport = window.visualViewport ? window.visualViewport.height : window.innerHeight;
    page.style.setProperty("--chat-top", Math.max(0, top + 12 + window.innerHeight - viewport) + "px");
  }

  // Escape closes an open menu (reactions, the room's settings), back on its
  // button; so does a click elsewhere.
  function closeMenus(except) {
    if (!section) return;
    section.querySelectorAll("details[open]").forEach(function (menu) {
      if (menu !== except && !menu.contains(except)) menu.open = false;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !section) return;
    var menu = event.target.closest && event.target.closest(".chat-room details[open]");
    if (!menu) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest ? event.target.closest("details") : null);
  });

  if (section) {
    fit();
    window.addEventListener("resize", fit);
    if (window.visualViewport) window.visualViewport.addEventListener("resize", fit);
    scroller.addEventListener("scroll", showJump, { passive: true });
    jump.addEventListener("click", function () { toBottom(); if (box) box.focus(); });
    document.addEventListener("visibilitychange", markRead);
    // Keeps this member online, refreshes who else is (chat/presence.py), and
    // hears the room's last place: what a lost broadcast left out is fetched
    // within 15 s.
    setInterval(function () {
      if (send({ type: "ping", rooms: [roomId] })) {
        if (lastHeard >= pingAt) pingAt = Date.now();  // the oldest unanswered ping
        send({ type: "presence", room: roomId });
      }
    }, 15000);
    separateDays();
    var divider = list.querySelector(".chat-divider");
    if (divider && divider.previousElementSibling) {
      // Opens at the first message not read yet.
      scroller.scrollTop += divider.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
    } else {
      toBottom();
    }
    showJump();
  } else {
    setInterval(function () {
      if (send({ type: "ping", rooms: [] }) && lastHeard >= pingAt) pingAt = Date.now();
    }, 15000);
  }
  connect();
})();
