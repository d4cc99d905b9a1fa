// Points the operator at a control only a human may press. It adds an outline and a banner
// element outside every form; no form value is touched.
(el) => {
  const id = "nss-autofill-banner";
  el.style.outline = "4px dashed #c00";
  el.style.outlineOffset = "3px";
  el.setAttribute("data-nss-autofill", "press-yourself");
  if (document.getElementById(id)) return true;
  const banner = document.createElement("div");
  banner.id = id;
  banner.setAttribute("role", "alert");
  banner.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:2147483647;" +
    "background:#fff3cd;color:#000;border-bottom:3px solid #c00;padding:8px 12px;" +
    "font:bold 15px sans-serif;pointer-events:none";
  banner.textContent = "▶ 内容をご確認のうえ、ご自身で押してください / " +
    "Please review, then press it yourself: 「" + (el.value || el.innerText || el.alt || "").trim() + "」";
  document.body.appendChild(banner);
  el.scrollIntoView({block: "center"});
  return true;
}
