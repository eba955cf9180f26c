{% autoescape off %}/* Sohosolo's service worker (served by intranet/pwa.py at the site's root).

   - The shell (style sheet, scripts, icons) and the offline page are stored when
     the worker installs; other static files when first loaded. Files with a
     hashed name never change: read from the store. Others are read from the
     store, then refreshed from the network for the next time.
   - Pages are read from the network. A page a member opened (its 40 latest) is
     kept, to be read offline with a note « offline, content from <date> ».
     Account pages, the admin and pages the server marks no-store are not kept.
     Without network and without a copy: the offline page, listing the copies.
   - Logging out (and any page seen signed out, see shell.js) drops the copies.
   - Web Push (activity/push.py): a push shows its notification; a click on it
     brings forward a window already on that page, or opens it.

   Version {{ version }} */
"use strict";

var CONFIG = {{ config }};
var SHELL = "sohosolo-shell-{{ version }}";
var PAGES = "sohosolo-pages";
var MAX_PAGES = 40;
var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      return Promise.all([
        cache.addAll(CONFIG.shell),
        // Signed out: the offline page holds nothing of anyone's.
        fetch(CONFIG.offline, { credentials: "omit" }).then(function (response) {
          if (!response.ok) throw new Error("offline page: " + response.status);
          return cache.put(CONFIG.offline, response);
        }),
      ]);
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("sohosolo-shell-") === 0 && name !== SHELL;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener("message", function (event) {
  if (event.data === "signed-out") event.waitUntil(caches.delete(PAGES));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === CONFIG.logout) {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.indexOf(CONFIG.static) === 0) {
    event.respondWith(staticFile(event, url));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  }
});

function staticFile(event, url) {
  return caches.open(SHELL).then(function (cache) {
    return cache.match(event.request, { ignoreSearch: true }).then(function (stored) {
      if (stored && HASHED.test(url.pathname)) return stored;
      var fresh = fetch(event.request).then(function (response) {
        if (response.ok && response.type === "basic") {
          return cache.put(event.request, response.clone()).then(function () {
            return response;
          });
        }
        return response;
      });
      if (stored) {
        event.waitUntil(fresh.catch(function () {}));
        return stored;
      }
      return fresh;
    });
  });
}

function keepable(url, response) {
  if (!response.ok || response.type !== "basic" || response.redirected) return false;
  if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) return false;
  if (/no-store/.test(response.headers.get("Cache-Control") || "")) return false;
  return !CONFIG.never.some(function (prefix) {
    return url.pathname.indexOf(prefix) === 0;
  });
}

function keep(request, response) {
  return response.text().then(function (html) {
    var title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || "";
    var copy = new Response(html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "X-Kept-At": String(Date.now()),
        "X-Kept-Title": encodeURIComponent(title.replace(/\s*·\s*Sohosolo\s*$/, "").trim()),
      },
    });
    return caches.open(PAGES).then(function (cache) {
      // Put last, so that the oldest copies come first and go first.
      return cache.delete(request.url).then(function () {
        return cache.put(request.url, copy);
      }).then(function () {
        return cache.keys();
      }).then(function (keys) {
        return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map(function (key) {
          return cache.delete(key);
        }));
      });
    });
  });
}

function page(event, url) {
  return fetch(event.request).then(function (response) {
    if (keepable(url, response)) {
      event.waitUntil(keep(event.request, response.clone()).catch(function () {}));
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(event.request.url);
    }).then(function (kept) {
      return kept ? dated(kept) : offlinePage();
    });
  });
}

function when(kept, lang) {
  var date = new Date(Number(kept.headers.get("X-Kept-At")));
  var text;
  try {
    text = date.toLocaleString(lang, { dateStyle: "long", timeStyle: "short" });
  } catch (error) {
    text = date.toLocaleString();
  }
  return '<time datetime="' + date.toISOString() + '">' + text + "</time>";
}

function language(html) {
  return (html.match(/<html lang="([A-Za-z-]+)"/) || [])[1] || "fr";
}

// The kept copy, with its note « offline, content from <date> » shown.
function dated(kept) {
  return kept.text().then(function (html) {
    html = html
      .replace(" hidden data-offline-note", " data-offline-note")
      .replace("<time></time>", when(kept, language(html)));
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

// The offline page, listing the copies that can be read (latest first).
function offlinePage() {
  return caches.match(CONFIG.offline).then(function (stored) {
    if (!stored) return Response.error();
    return Promise.all([stored.text(), caches.open(PAGES)]).then(function (both) {
      var html = both[0];
      var cache = both[1];
      var lang = language(html);
      return cache.keys().then(function (keys) {
        return Promise.all(keys.reverse().map(function (key) {
          return cache.match(key).then(function (kept) {
            var title = decodeURIComponent(kept.headers.get("X-Kept-Title") || "") || key.url;
            var path = new URL(key.url).pathname + new URL(key.url).search;
            return '<li><a href="' + escape(path) + '">' + title + "</a> " +
              '<span class="meta">' + when(kept, lang) + "</span></li>";
          });
        }));
      }).then(function (items) {
        if (items.length) {
          html = html
            .replace(" hidden data-offline-pages", " data-offline-pages")
            .replace("<!--offline-pages-->", items.join(""));
        }
        return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  });
}

self.addEventListener("push", function (event) {
  var message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = { body: event.data.text() };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "Sohosolo", {
      body: message.body || "",
      tag: message.tag,
      renotify: Boolean(message.tag),
      icon: CONFIG.icon,
      data: { url: message.url || "/notifications/" },
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL(event.notification.data.url, self.location.origin);
  if (target.origin !== self.location.origin) target = new URL("/notifications/", self.location.origin);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === target.href && "focus" in windows[i]) return windows[i].focus();
      }
      return self.clients.openWindow(target.href);
    })
  );
});
{% endautoescape %}
