// A panel listing what the operator should look at. It sits outside every form and changes
// no form value; it ignores pointer events so it never hides a control from a click.
(lines) => {
  const id = "nss-autofill-panel";
  let box = document.getElementById(id);
  if (!box) {
    box = document.createElement("div");
    box.id = id;
    box.setAttribute("role", "status");
    box.style.cssText = "position:fixed;right:8px;bottom:8px;max-width:420px;max-height:40vh;" +
      "overflow:auto;z-index:2147483647;background:#fff;color:#000;border:3px solid #c00;" +
      "padding:8px;font:13px sans-serif;pointer-events:none;white-space:pre-wrap";
    document.body.appendChild(box);
  }
  box.textContent = "nss-autofill: 確認が必要です / please check\n" + lines.join("\n");
  return true;
}
