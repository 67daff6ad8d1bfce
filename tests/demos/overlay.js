// Injected into every page of a demo recording: a caption bar and a ring where the demo taps.
// Nothing here reaches the app; the recorder calls window.__demo between its screenshots.
(() => {
  if (window.__demo) return;
  const KEY = "demo-caption";
  const captionBar = () => {
    let bar = document.getElementById("demo-caption");
    if (!bar) {
      bar = document.createElement("div");
      bar.id = "demo-caption";
      Object.assign(bar.style, {
        position: "fixed", left: "0", right: "0", top: "0", zIndex: "2147483647",
        padding: "10px 14px", background: "rgba(15, 23, 42, 0.92)", color: "#fff",
        font: "600 17px/1.35 system-ui, 'DejaVu Sans', sans-serif", pointerEvents: "none",
        borderBottom: "4px solid #f59e0b", display: "none",
      });
      document.documentElement.appendChild(bar);
    }
    return bar;
  };
  const ring = () => {
    let dot = document.getElementById("demo-tap");
    if (!dot) {
      dot = document.createElement("div");
      dot.id = "demo-tap";
      Object.assign(dot.style, {
        position: "fixed", width: "46px", height: "46px", borderRadius: "50%", zIndex: "2147483646",
        border: "4px solid #f59e0b", background: "rgba(245, 158, 11, 0.28)", pointerEvents: "none",
        boxSizing: "border-box", display: "none",
      });
      document.documentElement.appendChild(dot);
    }
    return dot;
  };
  window.__demo = {
    caption(text) {
      sessionStorage.setItem(KEY, text || "");
      this.refresh();
    },
    refresh() {
      const text = sessionStorage.getItem(KEY) || "";
      const bar = captionBar();
      bar.textContent = text;
      bar.style.display = text ? "block" : "none";
    },
    tap(x, y) {
      const dot = ring();
      dot.style.left = `${x - 23}px`;
      dot.style.top = `${y - 23}px`;
      dot.style.display = "block";
    },
    untap() {
      ring().style.display = "none";
    },
  };
  const start = () => window.__demo.refresh();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
