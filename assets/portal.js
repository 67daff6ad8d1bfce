/* Small page behaviours the app needs in every page (a same-origin file, no inline script: CSP).
 *
 * 1. <html lang> follows the interface language: the layout renders <span id="app-lang" data-lang>,
 *    and this keeps document.documentElement.lang equal to it (screen readers pick the voice by it).
 * 2. Shared by every form: when a sent form comes back refused, move the person to the problem.
 * After a submit, as soon as the form shows a field in error (aria-invalid="true") the first one is
 * scrolled into view and focused (its message is tied to it with aria-describedby); when only a
 * form-level message appears (role="alert") it is scrolled into view. The summary itself is a
 * role="alert" region, so screen readers announce it. */
(function () {
  "use strict";
  function syncLang() {
    var marker = document.getElementById("app-lang");
    var lang = marker && marker.getAttribute("data-lang");
    if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
  }
  new MutationObserver(syncLang).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-lang"] });
  syncLang();

  function firstProblem(form) {
    var field = form.querySelector('[aria-invalid="true"]');
    if (field) return { el: field, focus: true };
    var alert = form.querySelector('[role="alert"]:not(:empty)');
    if (alert && alert.textContent.trim()) return { el: alert, focus: false };
    return null;
  }
  function moveTo(problem) {
    problem.el.scrollIntoView({ block: "center" });
    if (problem.focus) problem.el.focus({ preventScroll: true });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var url = location.href;
    var done = false;
    var observer;
    function settle() {
      if (done || location.href !== url || !document.contains(form)) return;
      var problem = firstProblem(form);
      if (!problem) return;
      done = true;
      if (observer) observer.disconnect();
      moveTo(problem);
    }
    observer = new MutationObserver(function () { settle(); });
    observer.observe(form, { subtree: true, childList: true, attributes: true, characterData: true,
                             attributeFilter: ["aria-invalid"] });
    /* The same errors as before re-render nothing: look again once the server has answered. */
    [800, 2000].forEach(function (ms) { setTimeout(settle, ms); });
    setTimeout(function () { done = true; observer.disconnect(); }, 4000);
  }, true);
})();

/* 3. Typed text survives a reload on long forms: a form with data-keep="<name>" keeps its text
 *    fields in sessionStorage (this tab only, never passwords or files) until it is sent and the
 *    page moves on. */
(function () {
  "use strict";
  var KEPT = 'input:not([type]), input[type=text], input[type=email], input[type=tel], ' +
    'input[type=number], input[type=date], textarea, select';
  function storageKey(form) { return "cp-keep:" + form.getAttribute("data-keep"); }
  /* data-keep-only="a b": keep just those fields (e.g. the checkout keeps its notes, not the NIF). */
  function keeps(form, field) {
    var only = form.getAttribute("data-keep-only");
    return !only || only.split(" ").indexOf(field.name) >= 0;
  }
  function read(form) {
    try { return JSON.parse(sessionStorage.getItem(storageKey(form)) || "{}"); } catch (e) { return {}; }
  }
  function restore(form) {
    var saved = read(form);
    form.querySelectorAll(KEPT).forEach(function (field) {
      if (!field.name || field.getAttribute("data-kept") || !(field.name in saved) || !keeps(form, field)) return;
      field.setAttribute("data-kept", "1");
      if (field.value) return;
      field.value = saved[field.name];
      field.dispatchEvent(new Event(field.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
    });
  }
  function restoreAll() { document.querySelectorAll("form[data-keep]").forEach(restore); }
  document.addEventListener("input", function (event) {
    var field = event.target;
    var form = field && field.form;
    if (!form || !form.hasAttribute("data-keep") || !field.name || !field.matches(KEPT)) return;
    if (!keeps(form, field)) return;
    var saved = read(form);
    saved[field.name] = field.value;
    try { sessionStorage.setItem(storageKey(form), JSON.stringify(saved)); } catch (e) { /* full */ }
  }, true);
  var sent = [];  /* forms sent from this page: forgotten as soon as the app moves to another page */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-keep")) return;
    sent.push({ key: storageKey(form), url: location.href });
  }, true);
  function forgetSent() {
    sent = sent.filter(function (item) {
      if (location.href === item.url) return true;
      sessionStorage.removeItem(item.key);
      return false;
    });
  }
  new MutationObserver(function () { forgetSent(); restoreAll(); })
    .observe(document.documentElement, { subtree: true, childList: true });
  restoreAll();
})();

/* 4. Live pages: a hidden button with data-poll-ms (an open conversation) is clicked every that
 *    many milliseconds while the tab is visible, so the server can say whether anything is new.
 *    Nothing is polled from a hidden tab; coming back to it polls at once. */
(function () {
  "use strict";
  var last = 0;
  function tick() {
    if (document.visibilityState !== "visible") return;
    var button = document.querySelector("[data-poll-ms]");
    if (!button) return;
    var every = parseInt(button.getAttribute("data-poll-ms"), 10) || 5000;
    var now = Date.now();
    if (now - last < every) return;
    last = now;
    button.click();
  }
  setInterval(tick, 1000);
  document.addEventListener("visibilitychange", function () { last = 0; tick(); });
})();

/* 5. A table too wide for the screen scrolls sideways inside its own box: that box takes the
 *    keyboard focus (tabindex="0") so people without a mouse can scroll it too (WCAG 2.1.1).
 *    Boxes that fit are left out of the tab order. */
(function () {
  "use strict";
  var pending = false;
  function mark() {
    pending = false;
    document.querySelectorAll(".rt-ScrollAreaViewport").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-cp-scroll", "1");
      } else if (!scrolls && box.getAttribute("data-cp-scroll")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-cp-scroll");
      }
    });
  }
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(mark);
  }
  new MutationObserver(schedule).observe(document.documentElement, { subtree: true, childList: true });
  window.addEventListener("resize", schedule);
  schedule();
})();

/* 6. The phone's menu is a <details> (components/phone_menu.py): it opens without any script;
 *    this closes it like a menu: on Escape (focus back on its button), on a tap outside it, and
 *    once an entry is chosen. */
(function () {
  "use strict";
  function openMenus() { return document.querySelectorAll("details.cp-menu[open]"); }
  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) {
      var inside = menu.contains(event.target);
      if (!inside || (event.target.closest("a, button") && !event.target.closest("summary"))) {
        menu.removeAttribute("open");
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openMenus().forEach(function (menu) {
      menu.removeAttribute("open");
      var button = menu.querySelector("summary");
      if (button && menu.contains(document.activeElement)) button.focus();
    });
  });
})();

/* 7. A date field says the chosen day in words under it («miércoles, 23 de diciembre de 2026»):
 *    the browser's date picker follows the phone's language and order (12/23 or 23/12), and the
 *    weekday is what people check when they agree a visit. The words go in the field's
 *    <span id="<field>-words" aria-live="polite"> (components/fields.py), in the page's language. */
(function () {
  "use strict";
  var LOCALES = { es: "es-ES", en: "en-GB" };
  function words(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) return "";
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    var locale = LOCALES[document.documentElement.lang] || LOCALES.es;
    return new Intl.DateTimeFormat(locale, {
      weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(day);
  }
  function say(input) {
    var target = input.id && document.getElementById(input.id + "-words");
    if (!target) return;
    var text = words(input.value);
    if (target.textContent !== text) target.textContent = text;
  }
  function sayAll() { document.querySelectorAll('input[type="date"]').forEach(say); }
  ["input", "change"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      if (event.target.matches && event.target.matches('input[type="date"]')) say(event.target);
    });
  });
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; sayAll(); });
  }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["lang", "value"] });
  sayAll();
})();
