/* The signature pad of the consent signed at the door (a same-origin file, no inline script: CSP).
 *
 * Any <canvas class="cp-signature" data-target="ID"> becomes a pad: a finger, pen or mouse draws on
 * it, and when a stroke ends the drawing is written as a PNG data URL into the hidden input ID,
 * which the form sends. A button with data-clear-signature="CANVAS_ID" wipes it. Listeners sit on
 * the document, so pads rendered later (Reflex pages) work too. People who cannot draw type their
 * name in the field next to it instead. */
(function () {
  "use strict";
  if (window.__cpSignature) return;
  window.__cpSignature = true;
  var pad = null;

  function point(canvas, event) {
    var box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width,
            (event.clientY - box.top) * canvas.height / box.height];
  }
  function save(canvas) {
    var input = document.getElementById(canvas.getAttribute("data-target"));
    if (input) input.value = canvas.getAttribute("data-drawn") === "1" ? canvas.toDataURL("image/png") : "";
  }
  document.addEventListener("pointerdown", function (event) {
    var canvas = event.target.closest && event.target.closest("canvas.cp-signature");
    if (!canvas) return;
    event.preventDefault();
    if (canvas.setPointerCapture) canvas.setPointerCapture(event.pointerId);
    var context = canvas.getContext("2d");
    context.lineWidth = 3;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#111";
    var at = point(canvas, event);
    context.beginPath();
    context.moveTo(at[0], at[1]);
    context.lineTo(at[0] + 0.5, at[1] + 0.5);
    context.stroke();
    canvas.setAttribute("data-drawn", "1");
    pad = canvas;
  });
  document.addEventListener("pointermove", function (event) {
    if (!pad) return;
    event.preventDefault();
    var context = pad.getContext("2d");
    var at = point(pad, event);
    context.lineTo(at[0], at[1]);
    context.stroke();
  });
  function end() {
    if (!pad) return;
    save(pad);
    pad = null;
  }
  document.addEventListener("pointerup", end);
  document.addEventListener("pointercancel", end);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-clear-signature]");
    if (!button) return;
    var canvas = document.getElementById(button.getAttribute("data-clear-signature"));
    if (!canvas) return;
    canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
    canvas.removeAttribute("data-drawn");
    save(canvas);
  });
})();
