// Citation popover and copy button of the web UI (no server round trip).
(() => {
  const panel = () => {
    let p = document.getElementById("pa-panel");
    if (!p) {
      p = document.createElement("div");
      p.id = "pa-panel";
      p.setAttribute("role", "dialog");
      p.setAttribute("aria-label", "引用原文");
      p.hidden = true;
      p.innerHTML = '<div class="pa-panel-bar"><b>引用原文</b>' +
        '<button type="button" class="pa-close" aria-label="关闭">✕ 关闭</button></div>' +
        '<div class="pa-panel-body"></div>';
      document.body.appendChild(p);
    }
    return p;
  };
  const copy = async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) {}
    const area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select();
    const ok = document.execCommand("copy"); area.remove(); return ok;
  };
  document.addEventListener("click", async (event) => {
    const target = event.target;
    const cite = target.closest(".pa-cite[data-ref]");
    if (cite) {
      event.preventDefault();
      const scope = cite.closest(".pa-answer") || document;
      const source = scope.querySelector('.pa-passage[data-ref="' + cite.dataset.ref + '"]');
      if (!source) return;
      const p = panel();
      p.querySelector(".pa-panel-body").innerHTML = source.innerHTML;
      p.hidden = false;
      return;
    }
    const button = target.closest(".pa-copy");
    if (button) {
      const ok = await copy(button.dataset.text || "");
      button.textContent = ok ? "已复制" : "复制失败";
      setTimeout(() => { button.textContent = "复制回答"; }, 2000);
      return;
    }
    if (target.closest(".pa-close") || !target.closest("#pa-panel")) {
      const p = document.getElementById("pa-panel");
      if (p) p.hidden = true;
    }
  });
  document.addEventListener("keydown", (event) => {
    const p = document.getElementById("pa-panel");
    if (event.key === "Escape" && p) p.hidden = true;
  });
})();
