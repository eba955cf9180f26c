/* Web Push on this device (the notification choices page): subscribe through the
   browser's Push API with the server's VAPID key, then hand the subscription to
   the server; or the reverse. The service worker (pwa/worker.js) shows them. */
(function () {
  "use strict";
  var box = document.getElementById("push-here");
  if (!box) return;
  var status = box.querySelector(".push-status");
  var button = box.querySelector(".push-toggle");
  var text = box.dataset;

  function say(message) { status.textContent = message; }

  function key() {
    var base64 = text.key.replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": text.csrf },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error((answer.errors || [text.failed]).join(" "));
        return answer;
      });
    });
  }

  function show(subscription) {
    button.hidden = false;
    button.disabled = false;
    button.textContent = subscription ? text.disable : text.enable;
    button.setAttribute("aria-pressed", subscription ? "true" : "false");
    say(subscription ? text.on : text.off);
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(text.unsupported);
    return;
  }

  var ready = navigator.serviceWorker.register(document.body.dataset.worker, { scope: "/" })
    .then(function () { return navigator.serviceWorker.ready; });

  ready.then(function (registration) {
    return registration.pushManager.getSubscription();
  }).then(show, function () { say(text.unsupported); });

  button.addEventListener("click", function () {
    button.disabled = true;
    ready.then(function (registration) {
      return registration.pushManager.getSubscription().then(function (current) {
        if (current) {
          return post(text.unsubscribe, { endpoint: current.endpoint }).then(function () {
            return current.unsubscribe();
          }).then(function () { show(null); location.reload(); });
        }
        say(text.asking);
        return Notification.requestPermission().then(function (permission) {
          if (permission !== "granted") {
            button.disabled = false;
            say(text.denied);
            return;
          }
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: key(),
          }).then(function (subscription) {
            return post(text.subscribe, subscription.toJSON()).then(function () {
              show(subscription);
              location.reload();
            });
          });
        });
      });
    }).catch(function (error) {
      button.disabled = false;
      say(text.failed + (error && error.message ? " (" + error.message + ")" : ""));
    });
  });
})();
