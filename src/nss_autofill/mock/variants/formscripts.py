"""Scripts of a variant form page: the postal-code lookup behind 反映 and the script that
enables, hides or re-renders the rows a radio or checkbox governs."""

# ruff: noqa: E501  (HTML and script templates read better unbroken)

from __future__ import annotations

import json

from .formstyle import FormStyle
from .vpage import V


def zip_script(v: V, fs: FormStyle) -> str:
    table = json.dumps(
        v.ctx["postal_json"]
        if isinstance(v.ctx["postal_json"], dict)
        else json.loads(str(v.ctx["postal_json"])),
        ensure_ascii=False,
    )
    events = (
        "s.dispatchEvent(new Event('change', {bubbles: true})); c.dispatchEvent(new Event('input', {bubbles: true})); c.dispatchEvent(new Event('change', {bubbles: true}));"
        if fs.zip_events
        else ""
    )
    delay = fs.zip_delay
    run = f"setTimeout(run, {delay});" if delay else "run();"
    return (
        '<script type="text/javascript">\n'
        f"var ZIPTBL = {table};\n"
        "function nssZip(zn, pn, cn, mid) {\n"
        "  var q = function (n) { return document.getElementsByName(n)[0]; };\n"
        "  var z = q(zn).value.replace(/[^0-9]/g, '');\n"
        "  var msg = document.getElementById(mid);\n"
        "  var run = function () {\n"
        "    msg.innerHTML = '';\n"
        "    if (z.length != 7) { msg.innerHTML = '郵便番号は半角数字7桁で入力してください。'; return; }\n"
        "    var hit = ZIPTBL[z];\n"
        "    if (!hit) { msg.innerHTML = '該当する住所が見つかりません。住所を直接入力してください。'; return; }\n"
        "    var s = q(pn), c = q(cn);\n"
        "    for (var i = 0; i < s.options.length; i++) {\n"
        "      var t = s.options[i].text;\n"
        "      if (t == hit[0] || t.slice(-hit[0].length - 1) == '：' + hit[0]) { s.selectedIndex = i; }\n"
        "    }\n"
        "    c.value = hit[1];\n"
        f"    {events}\n"
        "  };\n"
        f"  {run}\n"
        "}\n</script>"
    )


def deps_script(v: V, fs: FormStyle) -> str:
    """Enable/disable, show/hide or re-render the rows a radio or checkbox governs."""
    if not fs.deps or fs.dep_mode == "static":
        return ""
    mode = fs.dep_mode
    return (
        '<script type="text/javascript">\n'
        f"var NSSDEPS = {json.dumps(fs.deps, ensure_ascii=False)};\n"
        f"var NSSDEPMODE = '{mode}';\n"
        "function nssSnapshot(box) {\n"
        "  var els = box.querySelectorAll('input, select, textarea');\n"
        "  for (var i = 0; i < els.length; i++) {\n"
        "    var e = els[i];\n"
        "    if (e.tagName == 'SELECT') { for (var j = 0; j < e.options.length; j++) {\n"
        "      if (e.options[j].selected) e.options[j].setAttribute('selected', 'selected'); else e.options[j].removeAttribute('selected'); } }\n"
        "    else if (e.tagName == 'TEXTAREA') { e.textContent = e.value; }\n"
        "    else if (e.type == 'checkbox' || e.type == 'radio') { if (e.checked) e.setAttribute('checked', 'checked'); else e.removeAttribute('checked'); }\n"
        "    else { e.setAttribute('value', e.value); }\n"
        "  }\n"
        "}\n"
        "function nssDeps() {\n"
        "  for (var k = 0; k < NSSDEPS.length; k++) {\n"
        "    var d = NSSDEPS[k], on = false, els = document.getElementsByName(d.c);\n"
        "    for (var i = 0; i < els.length; i++) { if (els[i].checked && (d.v === null || els[i].value == d.v)) on = true; }\n"
        "    if (d.inv) on = !on;\n"
        "    var box = document.getElementById(d.box);\n"
        "    if (!box) continue;\n"
        "    if (NSSDEPMODE == 'hide') { box.style.display = on ? '' : 'none'; continue; }\n"
        "    if (NSSDEPMODE == 'rerender') {\n"
        "      if (box.getAttribute('data-on') === String(on)) continue;\n"
        "      nssSnapshot(box);\n"
        "      box.innerHTML = box.innerHTML;\n"
        "      box.setAttribute('data-on', String(on));\n"
        "    }\n"
        "    var ctl = box.querySelectorAll('input, select, textarea, button');\n"
        "    for (var i = 0; i < ctl.length; i++) { ctl[i].disabled = !on; }\n"
        "    box.className = box.className.replace(/ ?dis/g, '') + (on ? '' : ' dis');\n"
        "  }\n"
        "}\n"
        "document.addEventListener('change', nssDeps);\n"
        "document.addEventListener('click', function () { setTimeout(nssDeps, 0); });\n"
        "document.addEventListener('DOMContentLoaded', nssDeps);\n"
        "</script>"
    )
