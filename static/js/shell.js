/* The shell on every page: menus that close on Escape or a click elsewhere, the
   navigation as a bar on wide screens (for browsers without ::details-content),
   and the service worker that keeps the site readable offline. Everything here is
   an improvement: without it the menus are plain <details> and pages load from
   the network. */
(function () {
  "use strict";

  var menus = document.querySelectorAll("details[data-menu]");
  var wide = window.matchMedia("(min-width: 56rem)");
  var nav = document.querySelector(".main-nav__menu");
  var cssBar = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");

  function isBar(menu) {
    return menu === nav && wide.matches;
  }

  function closeMenu(menu, focus) {
    if (!menu.open || isBar(menu)) return;
    menu.open = false;
    if (focus) menu.querySelector("summary").focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    menus.forEach(function (menu) {
      if (menu.open && !isBar(menu)) {
        closeMenu(menu, true);
        event.preventDefault();
      }
    });
  });

  document.addEventListener("click", function (event) {
    menus.forEach(function (menu) {
      if (!menu.contains(event.target)) closeMenu(menu, false);
    });
  });

  // Where CSS cannot show a closed <details>' content, a wide screen opens it.
  function layOut() {
    if (!nav || cssBar) return;
    nav.classList.toggle("is-bar", wide.matches);
    if (wide.matches) nav.open = true;
  }
  layOut();
  if (wide.addEventListener) wide.addEventListener("change", layOut);

  var body = document.body;
  // A page for someone signed out: nothing a member read stays on this device.
  if (body.hasAttribute("data-signed-out") && window.caches) {
    caches.delete("sohosolo-pages");
  }
  if ("serviceWorker" in navigator && body.dataset.worker) {
    navigator.serviceWorker.register(body.dataset.worker, { scope: "/" }).catch(function () {});
  }
})();
