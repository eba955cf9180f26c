/* The broadband test of « Tester ma connexion »: latency, then download, then
   upload, against this site's own server, in about 18 seconds at most.

   Each phase starts with a small transfer and sizes the next ones to last about
   1.5 s at the speed just seen (never more than the server's cap, never beyond
   the phase's time), so that a satellite line and a fibre both finish in time.
   The data are random bytes (incompressible). The first transfer of a phase
   only warms the connection up; the speed is the bytes of the others over their
   time, each less one round trip. The results fill the form's fields; the
   member confirms the commune and the line, and records. */
(function () {
  "use strict";
  var root = document.getElementById("speedtest");
  if (!root || !window.fetch || !window.performance || !window.crypto) return;
  root.hidden = false;

  var PINGS = 6;
  var PING_TIMEOUT_MS = 2000;
  var PHASE_MS = 8000;
  var TARGET_MS = 1500;
  var FIRST_BYTES = 64 * 1024;
  var MAX_TRANSFERS = 12;
  var maxDown = parseInt(root.dataset.maxDownload, 10);
  var maxUp = parseInt(root.dataset.maxUpload, 10);
  var button = document.getElementById("speedtest-start");
  var status = document.getElementById("speedtest-status");
  var lang = document.documentElement.lang || "fr";

  function now() { return performance.now(); }
  function fresh(url) { return url + "?r=" + Math.random().toString(36).slice(2); }
  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function say(text) { status.textContent = text; }
  function show(id, value, digits) {
    document.getElementById(id).textContent = value.toLocaleString(lang, {
      maximumFractionDigits: digits
    });
  }
  function fill(name, value) {
    var input = document.querySelector("[name=" + name + "]");
    if (input) input.value = String(value);
  }
  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  function Limited() {}

  function checked(response) {
    if (response.status === 429) throw new Limited();
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response;
  }

  async function latency() {
    var times = [];
    for (var i = 0; i <= PINGS; i++) {
      var controller = new AbortController();
      var timer = setTimeout(function () { controller.abort(); }, PING_TIMEOUT_MS);
      var start = now();
      try {
        checked(await fetch(fresh(root.dataset.ping), {
          cache: "no-store", credentials: "same-origin", signal: controller.signal
        }));
      } finally {
        clearTimeout(timer);
      }
      if (i > 0) times.push(now() - start);  // the first one opens the connection
    }
    return median(times);
  }

  /* One download of `size` bytes, stopped at `deadline`: [bytes, ms]. */
  async function downloadOnce(size, deadline) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, Math.max(deadline - now(), 1));
    var start = now();
    var received = 0;
    try {
      var response = checked(await fetch(fresh(root.dataset.download), {
        cache: "no-store", credentials: "same-origin", signal: controller.signal,
        headers: { Range: "bytes=0-" + (size - 1) }
      }));
      var reader = response.body.getReader();
      for (;;) {
        var part = await reader.read();
        if (part.done) break;
        received += part.value.length;
      }
    } catch (error) {
      if (error instanceof Limited || received === 0) throw error;
      // Stopped at the deadline: what came counts.
    } finally {
      clearTimeout(timer);
    }
    return [received, now() - start];
  }

  var randomData = new Uint8Array(0);
  function randomBytes(size) {
    if (randomData.length < size) {
      randomData = new Uint8Array(size);
      for (var offset = 0; offset < size; offset += 65536) {
        crypto.getRandomValues(randomData.subarray(offset, Math.min(offset + 65536, size)));
      }
    }
    return randomData.subarray(0, size);
  }

  /* One upload of `size` bytes, stopped at `deadline`: [bytes, ms]. */
  function uploadOnce(size, deadline) {
    return new Promise(function (resolve, reject) {
      var request = new XMLHttpRequest();
      var sent = 0;
      var start = now();
      request.open("POST", fresh(root.dataset.upload));
      request.setRequestHeader("X-CSRFToken", csrf());
      request.setRequestHeader("Content-Type", "application/octet-stream");
      request.timeout = Math.max(Math.round(deadline - now()), 1);
      request.upload.onprogress = function (event) { sent = event.loaded; };
      request.onload = function () {
        if (request.status === 429) return reject(new Limited());
        if (request.status !== 200) return reject(new Error("HTTP " + request.status));
        resolve([size, now() - start]);
      };
      request.ontimeout = function () {
        if (sent > 0) resolve([sent, now() - start]);
        else reject(new Error("timeout"));
      };
      request.onerror = function () { reject(new Error("network")); };
      request.send(new Blob([randomBytes(size)]));
    });
  }

  /* Transfers of growing size for PHASE_MS at most; the speed in Mb/s. */
  async function phase(transfer, cap, rtt, shown) {
    var start = now();
    var deadline = start + PHASE_MS;
    var size = FIRST_BYTES;
    var samples = [];
    while (samples.length < MAX_TRANSFERS && deadline - now() > 200) {
      var result = await transfer(size, deadline);
      var bytes = result[0];
      var ms = Math.max(result[1] - rtt, result[1] / 2, 1);
      samples.push([bytes, ms]);
      var counted = samples.length > 1 ? samples.slice(1) : samples;
      var total = counted.reduce(function (sum, s) { return [sum[0] + s[0], sum[1] + s[1]]; }, [0, 0]);
      show(shown, total[0] * 8 / total[1] / 1000, 1);
      var perMs = bytes / ms;
      var left = deadline - now() - rtt;
      var next = Math.min(perMs * TARGET_MS, perMs * left * 0.8, size * 8, cap);
      if (next < 16 * 1024) break;  // no time left for a useful transfer
      size = Math.floor(next);
    }
    counted = samples.length > 1 ? samples.slice(1) : samples;
    total = counted.reduce(function (sum, s) { return [sum[0] + s[0], sum[1] + s[1]]; }, [0, 0]);
    return total[0] * 8 / total[1] / 1000;
  }

  async function run() {
    button.disabled = true;
    try {
      say(root.dataset.textLatency);
      var rtt = await latency();
      show("speedtest-latency", rtt, 0);
      say(root.dataset.textDownload);
      var down = await phase(downloadOnce, maxDown, rtt, "speedtest-download");
      show("speedtest-download", down, 1);
      say(root.dataset.textUpload);
      var up = await phase(uploadOnce, maxUp, rtt, "speedtest-upload");
      show("speedtest-upload", up, 1);
      fill("latency_ms", Math.round(rtt));
      fill("download_mbps", Math.round(down * 10) / 10);
      fill("upload_mbps", Math.round(up * 10) / 10);
      say(root.dataset.textDone);
      root.dataset.state = "done";
    } catch (error) {
      say(error instanceof Limited ? root.dataset.textLimited : root.dataset.textFailed);
      root.dataset.state = "failed";
    } finally {
      button.disabled = false;
    }
  }

  button.addEventListener("click", run);
})();
