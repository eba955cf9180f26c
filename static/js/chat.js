// The chat page, live: one WebSocket to /ws/ (protocol in chat/consumers.py).
// Without this script the page still works: it is plain HTML forms and links.
// Message text is only ever put in the page as text nodes, never as HTML.
(function () {
  "use strict";

  var section = document.querySelector(".chat-room");
  if (!section || !("WebSocket" in window)) return;

  var roomId = Number(section.dataset.room);
  var userId = Number(section.dataset.user);
  var list = section.querySelector(".chat-messages");
  var status = section.querySelector(".chat-status");
  var typingLine = section.querySelector(".chat-typing");
  var presenceLine = section.querySelector(".chat-presence");
  var form = section.querySelector(".chat-composer");
  var box = form && form.querySelector("textarea");
  var older = section.querySelector(".chat-older a");
  var readForm = section.querySelector(".chat-read");
  var texts = section.dataset;
  var lastId = Number(section.dataset.last) || 0;
  var socket = null;
  var attempts = 0;
  var pending = {};
  var sequence = 0;
  var typingTimer = null;
  var retry = null;
  var lastTyping = 0;
  var lastHeard = 0;
  var pingAt = 0;
  var URL_RE = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;
  var MENTION_RE = /@\[(\d{1,10})\]/g;

  function setStatus(key) {
    status.textContent = status.dataset[key] || "";
    section.dataset.state = key;
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
    var lines = body.split("\n");
    lines.forEach(function (line, index) {
      if (index) into.appendChild(document.createElement("br"));
      var parts = line.split(MENTION_RE);
      parts.forEach(function (part, i) {
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

  function messageItem(message) {
    var li = document.createElement("li");
    li.className = "chat-message" + (message.deleted ? " is-deleted" : "");
    li.id = "message-" + message.id;
    li.dataset.id = message.id;
    var head = document.createElement("p");
    head.className = "chat-message__head";
    head.appendChild(message.author.profile
      ? link("/membres/" + message.author.id + "/", message.author.name)
      : document.createTextNode(message.author.name));
    var time = document.createElement("time");
    var date = new Date(message.created_at);
    time.dateTime = message.created_at;
    time.textContent = " " + date.toLocaleString(document.documentElement.lang || "fr", {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
    });
    head.appendChild(time);
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

  function append(messages) {
    var stick = nearBottom();
    var empty = list.querySelector(".chat-empty");
    messages.forEach(function (message) {
      if (message.id <= lastId || document.getElementById("message-" + message.id)) return;
      if (empty) { empty.remove(); empty = null; }
      list.appendChild(messageItem(message));
      lastId = message.id;
    });
    if (stick) window.scrollTo(0, document.body.scrollHeight);
    markRead();
  }

  function replace(message) {
    var old = document.getElementById("message-" + message.id);
    if (old) old.replaceWith(messageItem(message));
  }

  function prepend(messages, more) {
    var height = document.body.scrollHeight;
    var first = list.firstChild;
    messages.forEach(function (message) {
      if (!document.getElementById("message-" + message.id)) {
        list.insertBefore(messageItem(message), first);
      }
    });
    window.scrollBy(0, document.body.scrollHeight - height);
    if (!more && older) { older.parentNode.remove(); older = null; }
    else if (older && messages.length) older.dataset.before = messages[0].id;
  }

  // The page itself writes nothing: what the tab shows is read once the socket
  // says so. The room's count in the list goes at once, the total with `unread`.
  function markRead() {
    if (lastId && document.visibilityState === "visible" &&
        send({ type: "read", room: roomId, id: lastId })) {
      var badge = document.querySelector('.room-list [data-room="' + roomId + '"] .room-list__unread');
      if (badge) {
        badge.querySelector(".count").textContent = "0";
        badge.hidden = true;
      }
      if (readForm) { readForm.remove(); readForm = null; }
    }
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

  function setUnread(total) {
    document.querySelectorAll("[data-chat-unread]").forEach(function (badge) {
      badge.querySelector(".count").textContent = total;
      badge.hidden = !total;
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
      attempts = 0;
      setStatus("connected");
      setUnread(frame.unread);
      send({ type: "subscribe", room: roomId, after: lastId });
    },
    subscribed: function (frame) {
      append(frame.messages);
      showPresence(frame.online);
    },
    presence: function (frame) { if (frame.room === roomId) showPresence(frame.online); },
    history: function (frame) { prepend(frame.messages, frame.more); },
    message: function (frame) { append([frame.message]); },
    edited: function (frame) { replace(frame.message); },
    deleted: function (frame) { replace(frame.message); },
    activity: function (frame) { if (frame.room !== roomId) bumpRoom(frame.room); },
    unread: function (frame) { setUnread(frame.total); },
    sent: function (frame) {
      if (pending[frame.ref] !== undefined) {
        delete pending[frame.ref];
        box.value = "";
        var error = form.querySelector(".errorlist");
        if (error) error.remove();
      }
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
      if (frame.ref !== undefined && pending[frame.ref] !== undefined) {
        delete pending[frame.ref];
        showError(frame.message);
      }
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
      sequence += 1;
      var ref = "m" + sequence;
      pending[ref] = body;
      send({ type: "send", room: roomId, body: box.value, ref: ref });
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
  // Keeps this member online and refreshes who else is (chat/presence.py).
  setInterval(function () {
    if (send({ type: "ping" })) {
      if (lastHeard >= pingAt) pingAt = Date.now();  // the oldest unanswered ping
      send({ type: "presence", room: roomId });
    }
  }, 15000);
  window.scrollTo(0, document.body.scrollHeight);
  connect();
})();
