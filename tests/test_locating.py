"""Locating on tricky inline markup: exact labels, layout tables, groups, parts, options."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from nss_autofill.engine.locating import Located, locate_button, locate_field, scan_form
from nss_autofill.site.catalogue import FieldSpec, PageSpec


def _page(fields: list[dict[str, Any]], buttons: list[dict[str, Any]] | None = None) -> PageSpec:
    return PageSpec.model_validate(
        {
            "id": "t",
            "name": "t",
            "kind": "form",
            "phase": 2,
            "signals": [{"text": "x"}],
            "fields": [{"value": "a.b", **f} for f in fields],
            "buttons": buttons or [],
        }
    )


def _locate(page: Page, html: str, spec: PageSpec, field_id: str) -> Located:
    page.set_content(f"<html><body>{html}</body></html>")
    return locate_field(scan_form(page), spec, spec.field(field_id))


def _name(page: Page, loc: Located, i: int = 0) -> str:
    assert loc.ok, loc.problem
    return str(page.locator(loc.controls[i].selector).get_attribute("name"))


LAYOUT = """
<table class="layout"><tr><td>企業名</td><td>
 <h3>企業に関する項目</h3>
 <table>
  <tr><th>企業名（フリガナ）<span>※必須</span><span>(全角カタカナ)</span></th>
      <td><input name="kana"> 例)ナックスショウジ</td></tr>
  <tr><th>企業名<span class="req">※必須</span><span class="hint">(全角)</span></th>
      <td><input name="kgy" maxlength="60">&nbsp;例)ナックス商事株式会社</td></tr>
  <tr><th>氏名</th><td>姓 <input name="sei"> 名 <input name="mei"></td></tr>
  <tr><th>利用開始希望日</th><td><select name="y"><option>2027</option></select>年
     <select name="m"><option>4</option></select>月
     <select name="d"><option>1</option></select>日</td></tr>
 </table>
 <h3>システム管理責任者に関する項目</h3>
 <table>
  <tr><th>氏名</th><td><input name="admin"></td></tr>
  <tr><th>事業所所在地</th><td><input type="radio" name="loc" value="1" checked>企業に同じ
      <input type="radio" name="loc" value="2">その他</td></tr>
 </table>
</td></tr></table>
"""


def test_exact_label_not_substring_and_not_layout_table(page: Page) -> None:
    spec = _page([{"id": "kgy", "label": "企業名", "control": "text"}])
    assert _name(page, _locate(page, LAYOUT, spec, "kgy")) == "kgy"


def test_bracket_that_belongs_to_label_is_kept(page: Page) -> None:
    spec = _page([{"id": "k", "label": "企業名(フリガナ)", "control": "text"}])
    assert _name(page, _locate(page, LAYOUT, spec, "k")) == "kana"


def test_same_label_in_two_groups(page: Page) -> None:
    spec = _page(
        [
            {"id": "n1", "group": "企業に関する項目", "label": "氏名", "control": "split_text",
             "parts": ["姓", "名"], "values": ["a.b", "a.c"], "value": None},
            {"id": "n2", "group": "システム管理責任者に関する項目", "label": "氏名",
             "control": "text"},
        ]
    )  # fmt: skip
    loc = _locate(page, LAYOUT, spec, "n1")
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["sei", "mei"]
    assert _name(page, locate_field(scan_form(page), spec, spec.field("n2"))) == "admin"


def test_same_label_without_group_is_ambiguous(page: Page) -> None:
    spec = _page([{"id": "n", "label": "氏名", "control": "text"}])
    loc = _locate(page, LAYOUT, spec, "n")
    assert not loc.ok and "2 places" in loc.problem


def test_missing_label_is_a_problem(page: Page) -> None:
    spec = _page([{"id": "n", "label": "代表者氏名", "control": "text"}])
    loc = _locate(page, LAYOUT, spec, "n")
    assert not loc.ok and "no control labelled" in loc.problem


def test_date3_and_radio_with_bare_text(page: Page) -> None:
    spec = _page(
        [
            {"id": "d", "label": "利用開始希望日", "control": "date3", "parts": ["年", "月", "日"]},
            {"id": "r", "label": "事業所所在地", "control": "radio"},
        ]
    )
    loc = _locate(page, LAYOUT, spec, "d")
    assert [_name(page, loc, i) for i in range(3)] == ["y", "m", "d"]
    loc = locate_field(scan_form(page), spec, spec.field("r"))
    assert [c.after for c in loc.controls] == ["企業に同じ", "その他"]


BILLING = """
<h3>一括請求に関する項目</h3>
<table>
 <tr><th>一括請求</th><td><label><input type="radio" name="ik" value="0">希望しない</label>
   <label><input type="radio" name="ik" value="1">希望する(下欄に入力してください)</label></td></tr>
 <tr><th rowspan="3">一括請求先</th><th>コード</th>
   <td>登録請求先コード <input name="c1"> または 事業所コード <input name="c2"></td></tr>
 <tr><th>企業名</th><td><input name="ik_kgy"></td></tr>
 <tr><th>事業所名</th><td><input name="ik_jgs"></td></tr>
</table>
<h3>同一口座振替の利用</h3>
<table>
 <tr><th colspan="2">同一口座振替先</th></tr>
 <tr><th>企業名</th><td><input name="dd_kgy"></td></tr>
</table>
"""


def test_sub_group_by_rowspan_and_by_heading_row(page: Page) -> None:
    spec = _page(
        [
            {"id": "code", "group": "一括請求に関する項目", "parent": "一括請求先",
             "label": "コード", "control": "split_text",
             "parts": ["登録請求先コード", "事業所コード"],
             "values": ["a.b", "a.c"], "value": None},
            {"id": "k1", "group": "一括請求に関する項目", "parent": "一括請求先",
             "label": "企業名", "control": "text"},
            {"id": "k2", "group": "同一口座振替の利用", "parent": "同一口座振替先",
             "label": "企業名", "control": "text"},
            {"id": "k3", "group": "同一口座振替の利用", "label": "企業名", "control": "text"},
            {"id": "ik", "group": "一括請求に関する項目", "label": "一括請求", "control": "radio"},
        ]
    )  # fmt: skip
    loc = _locate(page, BILLING, spec, "code")
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["c1", "c2"]
    model = scan_form(page)
    assert _name(page, locate_field(model, spec, spec.field("k1"))) == "ik_kgy"
    assert _name(page, locate_field(model, spec, spec.field("k2"))) == "dd_kgy"
    # without its parent the field does not reach into a sub-group
    assert not locate_field(model, spec, spec.field("k3")).ok
    radios = locate_field(model, spec, spec.field("ik")).controls
    assert [c.own[0] for c in radios] == ["希望しない", "希望する(下欄に入力してください)"]


@pytest.mark.parametrize(
    "html",
    [
        '<label for="a">企業名</label><input id="a" name="x"><label for="b">部署名</label>'
        '<input id="b" name="y">',
        '<label>企業名 <input name="x"></label><label>部署名 <input name="y"></label>',
        '<input aria-label="企業名" name="x"><input aria-label="部署名" name="y">',
        '<span id="l1">企業名</span><input aria-labelledby="l1" name="x"><input name="y">',
        "<dl><dt>企業名 ※必須</dt><dd><input name='x'> (全角)</dd>"
        "<dt>部署名</dt><dd><input name='y'></dd></dl>",
        "<div class='row'><div class='label'>企業名<span>(全角)</span></div>"
        "<div><input name='x'></div></div>"
        "<div class='row'><div class='label'>部署名</div><div><input name='y'></div></div>",
        "<div><span>企業名</span><input name='x'><span>(全角)</span></div>"
        "<div><span>部署名</span><input name='y'></div>",
    ],
    ids=["label-for", "label-wrap", "aria-label", "aria-labelledby", "dl", "div-cells", "div"],
)
def test_other_markups(page: Page, html: str) -> None:
    spec = _page([{"id": "k", "label": "企業名", "control": "text"}])
    assert _name(page, _locate(page, html, spec, "k")) == "x"


def test_checkbox_by_its_text_and_button_in_group(page: Page) -> None:
    html = """
    <h3>企業に関する項目</h3><table><tr><th>郵便番号</th><td><input name="z">
      <button type="button">反映</button></td></tr></table>
    <h3>請求先所在地に関する項目</h3><table><tr><th>郵便番号</th><td><input name="z2">
      <input type="button" value="反映"></td></tr>
      <tr><td colspan="2"><input type="checkbox" name="cb">機器共用・共同利用を利用します。
      </td></tr>
    </table>"""
    spec = _page(
        [{"id": "cb", "control": "checkbox", "option": "機器共用・共同利用を利用します。"}],
        [
            {"caption": "反映", "class": "helper", "group": "企業に関する項目"},
            {"caption": "反映", "class": "helper", "group": "請求先所在地に関する項目"},
        ],
    )
    page.set_content(html)
    model = scan_form(page)
    assert _name(page, locate_field(model, spec, spec.field("cb"))) == "cb"
    b = locate_button(model, spec, "反映", "請求先所在地に関する項目")
    assert not isinstance(b, str)
    assert page.locator(b.selector).get_attribute("value") == "反映"
    assert isinstance(locate_button(model, spec, "反映"), str)  # two without a group


def test_field_spec_where() -> None:
    f = FieldSpec(id="x", group="g", parent="p", label="l", control="text", value="a")
    assert f.where() == "g › p › l"


def test_group_heading_as_bold_paragraph_and_hidden_section(page: Page) -> None:
    html = """
    <p><b>企業に関する項目</b></p>
    <table><tr><th>企業名</th><td><input name="a"></td></tr></table>
    <p class="title">事業所に関する項目</p>
    <table><tr><th>企業名</th><td><input name="b"></td></tr></table>
    <div style="display:none"><table><tr><th>企業名</th><td><input name="c"></td></tr></table></div>
    """
    spec = _page([{"id": "k", "group": "事業所に関する項目", "label": "企業名", "control": "text"}])
    page.set_content(html)
    loc = locate_field(scan_form(page, spec), spec, spec.field("k"))
    assert _name(page, loc) == "b"  # the hidden copy below does not compete


def test_button_caption_from_image_alt(page: Page) -> None:
    spec = _page([], [{"caption": "反映", "class": "helper"}])
    page.set_content('<a href="#" onclick="return false"><img alt="反映" src="x.gif"></a>')
    b = locate_button(scan_form(page), spec, "反映")
    assert not isinstance(b, str)


def test_live_page_helpers(page: Page) -> None:
    from nss_autofill.engine.locating import field_locators, find_button

    page.set_content(LAYOUT + '<input type="submit" value="次へ"><a href="#">次へ</a>')
    spec = _page([{"id": "kgy", "label": "企業名", "control": "text"}])
    (loc,) = field_locators(page, spec.field("kgy"), spec)
    assert loc.get_attribute("name") == "kgy"
    assert find_button(page, "次へ") is None  # two different controls show it: refuse
    assert find_button(page, "戻る") is None
    page.set_content('<ul><li><a href="/nss">NSS ログイン</a></li></ul>'
                     '<p><a class="button" href="/nss">NSS ログイン</a></p>')  # fmt: skip
    assert find_button(page, "NSS ログイン") is not None  # two links to one place: one choice


# ---------------------------------------------------------------- markup variants (review)


def test_date3_fieldset_with_captions_after_each_select(page: Page) -> None:
    """Item 4: 年/月/日 after a select bind to that select, never label the next one."""
    html = """
    <h2>利用契約に関する項目</h2>
    <fieldset><legend>利用開始希望日</legend>
      <select name="y"><option>2027</option></select><span>年</span>
      <select name="m"><option>4</option></select><span>月</span>
      <select name="d"><option>1</option></select><span>日</span>
    </fieldset>
    """
    spec = _page(
        [{"id": "d", "group": "利用契約に関する項目", "label": "利用開始希望日",
          "control": "date3", "parts": ["年", "月", "日"]}]
    )  # fmt: skip
    page.set_content(html)
    loc = locate_field(scan_form(page, spec), spec, spec.field("d"))
    assert [_name(page, loc, i) for i in range(3)] == ["y", "m", "d"]


def test_radios_in_a_div_with_captions_after_them(page: Page) -> None:
    html = """<div><span>事業所所在地</span>
      <input type="radio" name="r" value="1"><span>企業に同じ</span>
      <input type="radio" name="r" value="2"><span>その他</span></div>"""
    spec = _page([{"id": "r", "label": "事業所所在地", "control": "radio"}])
    loc = _locate(page, html, spec, "r")
    assert loc.ok, loc.problem
    assert [c.after for c in loc.controls] == ["企業に同じ", "その他"]


SPLIT_BY_PLACEHOLDER = """
<h2>申込担当者に関する項目</h2>
<div class="row"><label for="s">氏名</label>
  <input id="s" name="sei" placeholder="姓"><input name="mei" placeholder="名"></div>
<div class="row"><label for="k">氏名(フリガナ)</label>
  <input id="k" name="kana1" aria-label="セイ"> <span>－</span> <input name="kana2" title="メイ">
</div>
<div class="row"><label for="t">電話番号</label>
  <input id="t" name="tel" placeholder="03-1234-5678"><input name="ext" placeholder="内線"></div>
"""


def test_split_field_parts_told_by_placeholder_aria_label_or_title(page: Page) -> None:
    """Item 5: one <label for>, the following unlabelled boxes named by their hints."""
    g = "申込担当者に関する項目"
    spec = _page(
        [
            {"id": "n", "group": g, "label": "氏名", "control": "split_text",
             "parts": ["姓", "名"], "values": ["a.b", "a.c"], "value": None},
            {"id": "k", "group": g, "label": "氏名(フリガナ)", "control": "split_text",
             "parts": ["セイ", "メイ"], "values": ["a.b", "a.c"], "value": None},
            {"id": "t", "group": g, "label": "電話番号", "control": "text"},
        ]
    )  # fmt: skip
    page.set_content(SPLIT_BY_PLACEHOLDER)
    model = scan_form(page, spec)
    loc = locate_field(model, spec, spec.field("n"))
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["sei", "mei"]
    loc = locate_field(model, spec, spec.field("k"))
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["kana1", "kana2"]
    # a plain text field still sees only the box its label names
    assert _name(page, locate_field(model, spec, spec.field("t"))) == "tel"


def test_split_parts_not_told_apart_still_refuse(page: Page) -> None:
    html = """<div><label for="s">氏名</label>
      <input id="s" placeholder="山田"><input placeholder="太郎"></div>"""
    spec = _page(
        [{"id": "n", "label": "氏名", "control": "split_text", "parts": ["姓", "名"],
          "values": ["a.b", "a.c"], "value": None}]
    )  # fmt: skip
    loc = _locate(page, html, spec, "n")
    assert not loc.ok and "cannot tell the parts" in loc.problem


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><th><ruby>氏<rt>し</rt></ruby><ruby>名<rp>(</rp><rt>めい</rt><rp>)</rp>"
        "</ruby></th><td><input name='x'></td></tr></table>",
        "<table><tr><th><label for='x'>氏名<span class='sr-only'>必須項目</span></label></th>"
        "<td><input id='x' name='x'></td></tr></table>",
        "<div><label for='x'><span>氏</span><br><span>名</span></label><input id='x' name='x'>"
        "</div>",
    ],
)
def test_label_with_ruby_hidden_note_or_split_spans(page: Page, html: str) -> None:
    spec = _page([{"id": "n", "label": "氏名", "control": "text"}])
    assert _name(page, _locate(page, html, spec, "n")) == "x"


@pytest.mark.parametrize(
    ("caption", "expect"),
    [
        ("Aプラン", ["A"]),  # the rest is a bracketed note: Aプラン（月額基本料あり）
        ("Bプラン", ["B1", "B2"]),  # two options share Bプラン before their notes: both, to refuse
        ("Cプラン", []),  # Cプラン割引 is another caption, not Cプラン with a note: none
    ],
)
def test_radio_caption_with_bracketed_note(page: Page, caption: str, expect: list[str]) -> None:
    from nss_autofill.engine.options import find_option

    html = """<div><span>希望する料金プラン</span>
      <label><input type="radio" name="p" value="A">Aプラン（月額基本料あり）</label>
      <label><input type="radio" name="p" value="B1">Bプラン（月額）</label>
      <label><input type="radio" name="p" value="B2">Bプラン（年額）</label>
      <label><input type="radio" name="p" value="C">Cプラン割引</label></div>"""
    spec = _page([{"id": "p", "label": "希望する料金プラン", "control": "radio"}])
    loc = _locate(page, html, spec, "p")
    assert loc.ok, loc.problem
    hits = find_option(loc.controls, caption)
    assert [c.value for c in hits] == expect


def test_short_field_label_after_a_control_stays_a_label(page: Page) -> None:
    """A text after a control is its caption, unless it shows one of the page's field labels."""
    html = """<div><span>電話</span><input name="tel"><span>FAX</span><input name="fax"></div>"""
    spec = _page(
        [{"id": "t", "label": "電話", "control": "text"},
         {"id": "f", "label": "FAX", "control": "text"}]
    )  # fmt: skip
    page.set_content(html)
    model = scan_form(page, spec)
    assert _name(page, locate_field(model, spec, spec.field("t"))) == "tel"
    assert _name(page, locate_field(model, spec, spec.field("f"))) == "fax"


def test_radio_caption_that_wraps_in_a_narrow_cell(page: Page) -> None:
    """A long caption after a radio wraps onto a second line that starts at the cell's left
    edge: a person still reads it as the radio's caption (variant seeds 11, 16, 29)."""
    html = """<table style="width:560px" border="1"><tr><th style="width:300px">同一口座振替：</th>
      <td><input type="radio" name="k" value="0" checked>希望しない(請求書を送付します)&nbsp;&nbsp;
      <input type="radio" name="k" value="1"
      >同一口座振替を希望する(同一口座振替先を入力してください)</td></tr></table>"""
    spec = _page([{"id": "k", "label": "同一口座振替", "control": "radio"}])
    loc = _locate(page, html, spec, "k")
    assert loc.ok, loc.problem
    wrapped = page.evaluate(
        "() => document.querySelector('td').getBoundingClientRect().height > 30"
    )
    assert wrapped  # the second caption really takes two lines here
    assert [c.after for c in loc.controls] == [
        "希望しない(請求書を送付します)",
        "同一口座振替を希望する(同一口座振替先を入力してください)",
    ]


def test_split_field_label_stacked_above_the_first_part_under_a_heading(page: Page) -> None:
    """氏名 stacked over [姓] only, [名] beside it, a section heading above both: 名 belongs to
    氏名, not to the heading (variant seeds 26, 34)."""
    html = """<style>body { margin: 0; font-size: 13px; }
      .ttl { font-size: 15px; font-weight: bold; border-bottom: 2px solid #36c;
             margin: 14px 0 6px; }
      .lbl { display: block; font-weight: 600; margin-bottom: 3px; }</style>
      <div class="ttl">申込担当者に関する項目</div>
      <div><span class="lbl">氏名：<span style="color:red">*</span></span><input name="sei"
      value="港" size="14" placeholder="姓"> <input name="mei" value="花子" size="14"
      placeholder="名"><div style="font-size: 11px">（全角）</div></div>
      <div><span class="lbl">部署名：</span><input name="busyo"></div>"""
    g = "申込担当者に関する項目"
    spec = _page(
        [{"id": "n", "group": g, "label": "氏名", "control": "split_text", "parts": ["姓", "名"],
          "values": ["a.b", "a.c"], "value": None},
         {"id": "b", "group": g, "label": "部署名", "control": "text"}]
    )  # fmt: skip
    page.set_content(html)
    model = scan_form(page, spec)
    loc = locate_field(model, spec, spec.field("n"))
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["sei", "mei"]
    assert _name(page, locate_field(model, spec, spec.field("b"))) == "busyo"


_GROUP_FIELDS = [
    {"id": "code", "group": "一括請求に関する項目", "parent": "一括請求先", "label": "コード",
     "control": "split_text", "parts": ["登録請求先コード", "事業所コード"],
     "values": ["a.b", "a.c"], "value": None},
    {"id": "company", "group": "一括請求に関する項目", "parent": "一括請求先", "label": "企業名",
     "control": "text"},
    {"id": "office", "group": "一括請求に関する項目", "parent": "一括請求先", "label": "事業所名",
     "control": "text"},
]  # fmt: skip
_CODE_LINE = (
    "登録請求先コード&nbsp;<input name='cd1' size='9'>&nbsp; "
    "事業所コード&nbsp;<input name='cd2' size='9'>"
)
_FLEX = (
    "<style>body{font-size:13px} .row{display:flex;margin:0 0 6px;padding:4px 0;"
    "border-bottom:1px dashed #ccc} .c3{width:25%} .c9{width:75%} .fl{display:block}</style>"
)


@pytest.mark.parametrize(
    "html",
    [
        # a label stacked over a line of captions and boxes (seed 40)
        f"{_FLEX}<fieldset><legend>一括請求に関する項目</legend><fieldset><legend>一括請求先</legend>"
        f"<div><span class='fl'>コード</span>{_CODE_LINE}</div>"
        "<div><div><label for='k'>企業名</label></div><input id='k' name='kgy'></div>"
        "<div><div><label for='j'>事業所名</label></div><input id='j' name='jgs'></div>"
        "</fieldset></fieldset>",
        # a flex row's label column beside nested rows with hints, taller than 10 lines of text
        # (seed 52)
        f"{_FLEX}<h3>一括請求に関する項目</h3><div class='row'><div class='c3'>一括請求先</div>"
        "<div class='c9'><div class='row'><div class='c3'>コード<br><small>（半角数字7桁）</small>"
        "</div><div class='c9'>登録請求先コード <input name='cd1'><br>"
        "事業所コード <input name='cd2'>"
        "</div></div><div class='row'><div class='c3'>企業名<br><small>（全角）</small><br>"
        "<small>例）ナックス商事</small></div><div class='c9'><input name='kgy'></div></div>"
        "<div class='row'><div class='c3'>事業所名<br><small>（全角）</small><br><small>例）本社"
        "</small></div><div class='c9'><input name='jgs'></div></div></div></div>",
        # a caption that ends a line, its box wrapped onto the next one (seed 67)
        "<h3>一括請求に関する項目</h3><table style='width:640px'>"
        "<tr><th rowspan='3'>一括請求先</th>"
        "<th style='width:120px'>コード</th><td style='width:230px'>登録請求先コード "
        "<input name='cd1' size='9'> 事業所コード <input name='cd2' size='9'></td></tr>"
        "<tr><th>企業名</th><td><input name='kgy'></td></tr>"
        "<tr><th>事業所名</th><td><input name='jgs'></td></tr></table>",
        # a layout table around a flex row whose right column stacks labelled groups (seed 94)
        f"{_FLEX}<table><tr><td><h3>一括請求に関する項目</h3><div class='row'>"
        "<div class='c3'>一括請求先</div><div class='c9'>"
        f"<div><span class='fl'>コード：</span>{_CODE_LINE}</div>"
        "<div><span class='fl'>企業名：</span><input name='kgy'></div>"
        "<div><span class='fl'>事業所名：</span><input name='jgs'></div>"
        "</div></div></td></tr></table>",
        # boxes told apart by their placeholders, in one line under コード (seeds 145-175)
        f"{_FLEX}<h3>一括請求に関する項目</h3><div class='row'><div class='c3'>一括請求先</div>"
        "<div class='c9'><div><span class='fl'>コード<small>(半角数字7桁)</small></span>"
        "<input name='cd1' size='18' placeholder='登録請求先コード'>&nbsp;&nbsp;"
        "<input name='cd2' size='14' placeholder='事業所コード'></div>"
        "<div><span class='fl'>企業名<small>(全角)</small></span><input name='kgy'></div>"
        "<div><span class='fl'>事業所名<small>(全角)</small></span><input name='jgs'></div>"
        "</div></div>",
        # one box per line under コード, each after its caption (seed 186)
        f"{_FLEX}<h3>一括請求に関する項目</h3><div class='row'><div class='c3'>一括請求先</div>"
        "<div class='c9'><div><span class='fl'>コード <small>任意</small></span>"
        "登録請求先コード<input name='cd1' size='9'><br>事業所コード<input name='cd2' size='9'>"
        "</div><div><span class='fl'>企業名 <small>任意</small></span><input name='kgy'></div>"
        "<div><span class='fl'>事業所名 <small>任意</small></span><input name='jgs'></div>"
        "</div></div>",
    ],
    ids=[
        "stacked-over-captions",
        "flex-group-column",
        "wrapped-caption",
        "layout-table",
        "line-under-one-label",
        "boxes-stacked-under-one-label",
    ],
)
def test_group_label_beside_or_over_sub_labels(page: Page, html: str) -> None:
    """一括請求先 › コード / 企業名 / 事業所名 as other sites draw it (variant seeds 40-119)."""
    spec = _page(_GROUP_FIELDS)
    page.set_content(f"<html><body style='width:900px'>{html}</body></html>")
    model = scan_form(page, spec)
    code = locate_field(model, spec, spec.field("code"))
    assert [_name(page, code, 0), _name(page, code, 1)] == ["cd1", "cd2"]
    assert _name(page, locate_field(model, spec, spec.field("company"))) == "kgy"
    assert _name(page, locate_field(model, spec, spec.field("office"))) == "jgs"


def test_hint_under_a_part_label_gives_way_to_the_label(page: Page) -> None:
    """セイ over [全角カタカナ] in one label cell: the box's caption is セイ (seed 70)."""
    cell = "<th>{}<span style='color:red'>※必須</span><br><small>[全角カタカナ]</small></th>"
    html = (
        "<table><tr><th rowspan='2'>氏名(フリガナ)</th>" + cell.format("セイ")
        + "<td><input name='s'></td></tr><tr>" + cell.format("メイ")
        + "<td><input name='m'></td></tr></table>"
    )  # fmt: skip
    spec = _page(
        [{"id": "k", "label": "氏名(フリガナ)", "control": "split_text", "parts": ["セイ", "メイ"],
          "values": ["a.b", "a.c"], "value": None}]
    )  # fmt: skip
    loc = _locate(page, html, spec, "k")
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["s", "m"]


def test_split_parts_told_by_captions_stacked_over_each_box(page: Page) -> None:
    """氏名 as a fieldset, 姓 and 名 each stacked over its own box (variant seeds 208, 249)."""
    html = """<fieldset><legend>氏名</legend>
      <div style="display:inline-block"><div>姓:<b>必須</b></div><input name="s"></div>
      <div style="display:inline-block"><div>名:<b>必須</b></div><input name="m"></div>
      </fieldset>"""
    spec = _page(
        [{"id": "n", "label": "氏名", "control": "split_text", "parts": ["姓", "名"],
          "values": ["a.b", "a.c"], "value": None}]
    )  # fmt: skip
    loc = _locate(page, html, spec, "n")
    assert [_name(page, loc, 0), _name(page, loc, 1)] == ["s", "m"]


def _assert_boxes_of(page: Page, html: str, boxes: dict[str, str]) -> None:
    """Each text field labelled with a key of ``boxes`` is found at the box of that name."""
    fields = [
        {"id": f"f{i}", "label": label, "control": "text", "value": f"a.f{i}"}
        for i, label in enumerate(boxes)
    ]
    spec = _page(fields)
    for i, name in enumerate(boxes.values()):
        assert _name(page, _locate(page, html, spec, f"f{i}")) == name


@pytest.mark.parametrize(
    "hint",
    ["※半角英大文字・数字5桁", "※半角英数字で入力してください", "※アルファベット大文字5文字"],
    ids=["upper-case-and-digits", "a-sentence-on-typing", "alphabet"],
)
def test_a_typing_note_stacked_between_the_label_and_its_box(page: Page, hint: str) -> None:
    """利用者コード, a line break and a ※ note on how to type it, then the box below
    (variant flow seed 78): the box is 利用者コード's, not the note's."""
    html = f"""<style>.g {{ margin: 8px 0 }} .l {{ display: block }} .h {{ font-size: 9px }}
      </style><div class="g"><span class="l">利用者コード：<span>*</span><br>
      <span class="h">{hint}</span></span><input name="cd" maxlength="5">
      <span class="h">例）ABCDE</span></div>
      <div class="g"><span class="l">識別番号数：<br><span class="h">※半角数字</span></span>
      <input name="n"></div>"""
    _assert_boxes_of(page, html, {"利用者コード": "cd", "識別番号数": "n"})


def test_a_required_mark_before_a_label_with_a_typing_bracket_stays_a_label(page: Page) -> None:
    """※電話番号（半角数字） over its box: ※ marks the label required, the bracket is a hint."""
    html = """<div><span style="display:block">※電話番号（半角数字）</span><input name="tel"></div>
      <div><span style="display:block">※FAX番号</span><input name="fax"></div>"""
    _assert_boxes_of(page, html, {"電話番号": "tel", "FAX番号": "fax"})
