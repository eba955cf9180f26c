// Lines of a formset (a profile's offers and needs): « Ajouter une ligne » adds
// a blank line from the formset's empty form, up to its maximum. Without this
// script, saving the form brings two new blank lines.
(function () {
  "use strict";
  document.querySelectorAll("[data-lines]").forEach(function (box) {
    var prefix = box.getAttribute("data-lines");
    var total = box.querySelector("#id_" + prefix + "-TOTAL_FORMS");
    var max = box.querySelector("#id_" + prefix + "-MAX_NUM_FORMS");
    var list = box.querySelector("[data-lines-list]");
    var template = box.querySelector("[data-lines-template]");
    var button = box.querySelector("[data-lines-add]");
    if (!total || !max || !list || !template || !button) return;
    function update() {
      button.hidden = Number(total.value) >= Number(max.value);
    }
    button.addEventListener("click", function () {
      var index = Number(total.value);
      var html = template.innerHTML
        .replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(index + 1));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var added = list.lastElementChild.querySelector("input");
      if (added) added.focus();
      update();
    });
    update();
  });
})();
