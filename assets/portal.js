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
