// Resolve with the value once a page script filled the control, null when it gave up.
({sel, max, quiet}) => new Promise((resolve) => {
  const start = performance.now();
  let last = null;
  const obs = new MutationObserver(() => { last = performance.now(); });
  obs.observe(document, {subtree: true, childList: true, characterData: true});
  const tick = () => {
    const e = document.querySelector(sel);
    const now = performance.now();
    const done = !e || e.value !== "";
    if (done || now - start >= max || (last !== null && now - last >= quiet)) {
      obs.disconnect();
      resolve(e && e.value !== "" ? e.value : null);
    } else {
      setTimeout(tick, 15);
    }
  };
  tick();
})
