// Write every control of a fill step in order, then read all of them back, in one round trip.
// Text is set the way typing would leave it (maxlength applies; the native setter, so
// framework-bound inputs see it) with focus/input/change/blur events; never a key press, so no
// implicit submission. Radios and boxes are clicked only when their state must change, so their
// onclick handlers (enabling dependent fields) run as for a person.
(ops) => {
  const errors = ops.map((o) => {
    const e = document.querySelector(o.sel);
    if (!e) return "the control disappeared";
    if (e.disabled) return "the control is disabled";
    const fire = (t) => e.dispatchEvent(new Event(t, {bubbles: true}));
    if (o.op === "text") {
      if (e.readOnly) return "the control is read-only";
      if (e.checkVisibility && !e.checkVisibility()) return "the control is hidden";
      let v = o.value;
      if (e.maxLength > 0 && v.length > e.maxLength) v = v.slice(0, e.maxLength);
      e.focus();
      const proto = e.tagName === "TEXTAREA" ? HTMLTextAreaElement : HTMLInputElement;
      Object.getOwnPropertyDescriptor(proto.prototype, "value").set.call(e, v);
      fire("input"); fire("change"); e.blur();
    } else if (o.op === "select") {
      if (e.checkVisibility && !e.checkVisibility()) return "the control is hidden";
      e.focus(); e.selectedIndex = o.index; fire("input"); fire("change"); e.blur();
    } else if (o.op === "check") {
      if (e.checked !== o.on) e.click();
    }
    return null;
  });
  return ops.map((o, i) => {
    const e = document.querySelector(o.sel);
    if (!e) return {error: errors[i] || "the control disappeared"};
    const sel = e.tagName === "SELECT" && e.selectedIndex >= 0 ? e.options[e.selectedIndex].text
      : "";
    return {error: errors[i], value: e.value || "", checked: !!e.checked, text: sel};
  });
}
