// The chat page, live: one WebSocket to /ws/ (protocol in chat/consumers.py).
// Without this script the page still works: it is plain HTML forms and links.
// Message text is only ever put in the page as text nodes, never as HTML.
//
// What the tab shows converges on the room's history, whatever arrives late, out
// of order or not at all: each message has its place in the room (`seq`, 1, 2,
// 3…); the tab keeps them by place, and fetches any place it lacks (`catchup`)
// below the last one it heard of — from a live message, or from the server's
// answer to the ping every 15 s. Sends carry a key of their own: a send retried
// after a time-out or a reconnection is stored once.
(function () {
  "use strict";

  var section = document.querySelector(".chat-room");
  if (!section || !("WebSocket" in window)) return;

  var roomId = Number(section.dataset.room);
  var userId = Number(section.dataset.user);
  var list = section.querySelector(".chat-messages");
  var status = section.querySelector(".chat-status");
  var alertLine = section.querySelector(".chat-alert");
  var typingLine = section.querySelector(".chat-typing");
  var presenceLine = section.querySelector(".chat-presence");
  var form = section.querySelector(".chat-composer");
  var box = form && form.querySelector("textarea");
  var older = section.querySelector(".chat-older a");
  var readForm = section.querySelector(".chat-read");
  var texts = section.dataset;
  var SEND_TIMEOUT = 10000;
  var STORE = "sohosolo-chat-pending-" + roomId;
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
  // catch-up (edits and deletions after it are fetched again).
  var known = {};  // seq -> message id
  var first = 0;
  var upto = 0;
  var latest = 0;
  var synced = section.dataset.synced || "";
  var fetching = false;
  var lastReadId = 0;
  var newSince = null;  // the divider goes before the first message after a gap
  var hellos = 0;  // more than one: what the catch-up brings was missed meanwhile
  var pending = loadPending();  // key -> {body, state}

  list.querySelectorAll(".chat-message[data-seq]").forEach(function (item) {
    var seq = Number(item.dataset.seq);
    known[seq] = Number(item.dataset.id);
    if (!first || seq < first) first = seq;
  });
  advance();
  latest = upto;

  function advance() {
    if (!first) return;
    if (!upto) upto = first - 1;
    while (known[upto + 1] !== undefined) upto += 1;
  }

  function setStatus(key) {
    status.textContent = status.dataset[key] || "";
    section.dataset.state = key;
  }

  function announce(text) {
    if (!alertLine) return;
    alertLine.textContent = "";
    setTimeout(function () { alertLine.textContent = text; }, 50);
  }

  function link(href, text, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }

  // Text, links and mentions, as DOM nodes.
  function renderBody(body, mentions, into) {
    body.split("\n").forEach(function (line, index) {
      if (index) into.appendChild(document.createElement("br"));
      line.split(MENTION_RE).forEach(function (part, i) {
        if (i % 2 === 1) {
          var name = mentions[part];
          into.appendChild(name ? link("/membres/" + part + "/", "@" + name, "mention") : document.createTextNode("@"));
          return;
        }
        var last = 0;
        part.replace(URL_RE, function (url, _group, offset) {
          into.appendChild(document.createTextNode(part.slice(last, offset)));
          var a = link(url, url);
          a.rel = "nofollow noopener ugc";
          into.appendChild(a);
          last = offset + url.length;
        });
        into.appendChild(document.createTextNode(part.slice(last)));
      });
    });
  }

  function timeOf(iso) {
    var time = document.createElement("time");
    time.dateTime = iso;
    time.textContent = " " + new Date(iso).toLocaleString(document.documentElement.lang || "fr", {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris"
    });
    return time;
  }

  function messageItem(message) {
    var li = document.createElement("li");
    li.className = "chat-message" + (message.deleted ? " is-deleted" : "");
    li.id = "message-" + message.id;
    li.dataset.id = message.id;
    li.dataset.seq = message.seq;
    var head = document.createElement("p");
    head.className = "chat-message__head";
    head.appendChild(message.author.profile
      ? link("/membres/" + message.author.id + "/", message.author.name)
      : document.createTextNode(message.author.name));
    head.appendChild(timeOf(message.created_at));
    if (message.edited && !message.deleted) {
      var edited = document.createElement("span");
      edited.className = "meta";
      edited.textContent = " (" + texts.edited + ")";
      head.appendChild(edited);
    }
    li.appendChild(head);
    var body = document.createElement("p");
    if (message.deleted) {
      body.className = "meta";
      body.textContent = texts.deleted;
    } else {
      body.className = "chat-message__body";
      renderBody(message.body, message.mentions || {}, body);
    }
    li.appendChild(body);
    if (message.author.id === userId && !message.deleted && form) {
      var actions = document.createElement("div");
      actions.className = "chat-message__actions";
      actions.appendChild(link("/discussions/messages/" + message.id + "/modifier/", texts.edit));
      li.appendChild(actions);
    }
    return li;
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
  }

  // The list item that comes after place `seq`, to insert before it.
  function itemAfter(seq) {
    var items = list.querySelectorAll(".chat-message[data-seq]");
    for (var i = items.length - 1; i >= 0; i--) {
      if (Number(items[i].dataset.seq) < seq) return items[i].nextSibling;
    }
    return items.length ? items[0] : list.firstChild;
  }

  // Put messages in their place: new ones inserted, known ones replaced (an
  // edit or a deletion), whatever the order they come in.
  function place(messages, options) {
    var stick = nearBottom();
    var empty = list.querySelector(".chat-empty");
    messages.forEach(function (message) {
      var old = document.getElementById("message-" + message.id);
      if (old) { old.replaceWith(messageItem(message)); return; }
      if (!message.seq || (first && message.seq < first && !(options && options.older))) return;
      if (empty) { empty.remove(); empty = null; }
      var item = messageItem(message);
      if (options && options.fresh && newSince === null) {
        newSince = message.seq;
        var divider = document.createElement("li");
        divider.className = "chat-divider";
        item.dataset.firstNew = "true";
        list.insertBefore(divider, itemAfter(message.seq));
      }
      list.insertBefore(item, itemAfter(message.seq));
      known[message.seq] = message.id;
      if (!first || message.seq < first) first = message.seq;
      if (message.seq > latest) latest = message.seq;
      settle(message);
    });
    advance();
    updateDivider();
    if (stick) window.scrollTo(0, document.body.scrollHeight);
    markRead();
  }

  function updateDivider() {
    var divider = list.querySelector(".chat-divider");
    if (!divider || newSince === null) return;
    var count = 0;
    for (var seq in known) if (Number(seq) >= newSince) count += 1;
    divider.textContent = (count === 1 ? texts.newOne : texts.newMany).replace("%s", count);
  }

  // Ask for what is missing below the last place heard of.
  function catchUp() {
    if (fetching || !socket) return;
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
    var height = document.body.scrollHeight;
    place(messages, { older: true });
    window.scrollBy(0, document.body.scrollHeight - height);
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
      if (badge) {
        badge.querySelector(".count").textContent = "0";
        badge.hidden = true;
      }
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
      for (var key in pending) kept[key] = { body: pending[key].body };
      if (Object.keys(kept).length) localStorage.setItem(STORE, JSON.stringify(kept));
      else localStorage.removeItem(STORE);
    } catch (error) { /* private browsing: the page keeps them while open */ }
  }

  function pendingItem(key) {
    var li = document.getElementById("pending-" + key);
    if (li) return li;
    li = document.createElement("li");
    li.className = "chat-message is-pending";
    li.id = "pending-" + key;
    var body = document.createElement("p");
    body.className = "chat-message__body";
    renderBody(pending[key].body, {}, body);
    li.appendChild(body);
    var state = document.createElement("p");
    state.className = "chat-message__state meta";
    li.appendChild(state);
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
      var again = document.createElement("button");
      again.type = "button";
      again.className = "link-button";
      again.textContent = texts.retry;
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
    if (!send({ type: "send", room: roomId, body: entry.body, key: key, ref: key })) {
      fail(key);
      return;
    }
    entry.timer = setTimeout(function () { fail(key); }, SEND_TIMEOUT);
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
    // The server said no for good (too long, forbidden…): the text goes back in
    // the box, with the reason.
    var entry = pending[key];
    clearTimeout(entry.timer);
    delete pending[key];
    savePending();
    var li = document.getElementById("pending-" + key);
    if (li) li.remove();
    if (box && !box.value) box.value = entry.body;
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

  // The server's counts (after a reconnection or a lost broadcast, they are the
  // truth): the total in the navigation, each room's in the list.
  function setUnread(total, rooms) {
    if (typeof total !== "number") return;
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      badge.querySelector(".count").textContent = total;
      badge.hidden = !total;
    });
    if (!rooms) return;
    document.querySelectorAll(".room-list [data-room]").forEach(function (item) {
      var badge = item.querySelector(".room-list__unread");
      if (!badge) return;
      var count = rooms[item.dataset.room] || 0;
      badge.querySelector(".count").textContent = count;
      badge.hidden = !count;
    });
  }

  function bumpRoom(id) {
    var item = document.querySelector('.room-list [data-room="' + id + '"] .room-list__unread');
    if (!item) return;
    var count = item.querySelector(".count");
    count.textContent = Number(count.textContent || 0) + 1;
    item.hidden = false;
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      var total = badge.querySelector(".count");
      total.textContent = Number(total.textContent || 0) + 1;
      badge.hidden = false;
    });
  }

  function showError(text) {
    var error = form.querySelector(".errorlist");
    if (!error) {
      error = document.createElement("p");
      error.className = "errorlist";
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
    activity: function (frame) { if (frame.room !== roomId) bumpRoom(frame.room); },
    unread: function (frame) { setUnread(frame.total, frame.rooms); },
    sent: function (frame) {
      var error = form && form.querySelector(".errorlist");
      if (error) error.remove();
      place([frame.message]);
      catchUp();
    },
    typing: function (frame) {
      typingLine.textContent = texts.typing.replace("%s", frame.name);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typingLine.textContent = ""; }, 4000);
    },
    notification: function () {
      var bell = document.querySelector(".bell");
      if (!bell) return;
      var count = bell.querySelector(".bell__count");
      if (!count) {
        count = document.createElement("span");
        count.className = "bell__count";
        count.textContent = "0";
        bell.appendChild(count);
      }
      count.firstChild.nodeValue = String(Number(count.firstChild.nodeValue) + 1);
    },
    revoked: function (frame) {
      if (frame.room === roomId) {
        setStatus("revoked");
        if (form) form.remove();
      }
    },
    error: function (frame) {
      if (frame.room === roomId && (frame.code === "unavailable") && fetching) fetching = false;
      var key = frame.ref;
      if (key === undefined || !pending[key]) return;
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
      for (var key in pending) if (pending[key].state === "sending") fail(key);
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
      for (var key in pending) if (pending[key].state === "sending") fail(key);
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

  if (form) {
    form.addEventListener("submit", function (event) {
      var body = box.value.trim();
      if (!body || !socket || socket.readyState !== WebSocket.OPEN) return;  // plain HTTP
      event.preventDefault();
      var key = newKey();
      pending[key] = { body: box.value, state: "sending" };
      savePending();
      box.value = "";
      transmit(key);
      if (nearBottom()) window.scrollTo(0, document.body.scrollHeight);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing &&
          !box.getAttribute("aria-activedescendant")) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    box.addEventListener("input", function () {
      var now = Date.now();
      if (now - lastTyping > 3000) {
        lastTyping = now;
        send({ type: "typing", room: roomId });
      }
    });
  }
  // Messages left waiting by an earlier visit: shown, and sent once connected.
  for (var waiting in pending) { pending[waiting].state = "failed"; showPending(waiting); }

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
      }).observe(older);
    }
  }

  document.addEventListener("visibilitychange", markRead);
  // Keeps this member online, refreshes who else is (chat/presence.py), and hears
  // the room's last place: what a lost broadcast left out is fetched within 15 s.
  setInterval(function () {
    if (send({ type: "ping", rooms: [roomId] })) {
      if (lastHeard >= pingAt) pingAt = Date.now();  // the oldest unanswered ping
      send({ type: "presence", room: roomId });
    }
  }, 15000);
  window.scrollTo(0, document.body.scrollHeight);
  connect();
})();
