"""``init``, ``check`` and ``plan`` called as functions (the CLI tests run them as processes)."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest

from nss_autofill.commands.check import check_command
from nss_autofill.commands.init import init_command, template_text
from nss_autofill.commands.plan import plan_command
from nss_autofill.site.catalogue import load_catalogue

pytestmark = pytest.mark.nobrowser

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted((ROOT / "profiles").glob("*.yaml"))
EXAMPLE = ROOT / "profiles" / "example.yaml"
TODAY = dt.date(2027, 1, 4)

# What an operator would put in place of each template placeholder.
FILLED = {
    "<<企業名>>": "ナックス商事株式会社",
    "<<部署名>>": "物流部",
    "<<姓>>": "山田",
    "<<名>>": "太郎",
    "<<セイ>>": "ヤマダ",
    "<<メイ>>": "タロウ",
    "<<電話番号>>": "03-1234-5678",
    "<<メールアドレス>>": "yamada@example.co.jp",
    "<<企業名フリガナ>>": "ナックスショウジ",
    "<<法人番号>>": '"7000012050002"',
    "<<代表者役職>>": "代表取締役",
    "<<代表者氏名>>": "港 一郎",
    "<<郵便番号>>": '"105-0001"',
    "<<都道府県>>": "東京都",
    "<<市区町村・番地>>": "港区虎ノ門一丁目２番３号",
    "<<建物名>>": "虎ノ門ビル５階",
    "<<利用開始希望日>>": "2027-04-01",
    "<<利用者コード>>": "ABCDE",
    "<<業種>>": "通関業",
    "<<料金プラン>>": "B",
}


def test_check_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "profiles" / "customs-broker.yaml"
    assert check_command(path, "en", today=dt.date(2027, 4, 26)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        "OK: the profile is valid",
        "applicant: 浜風通関株式会社",
        "利用者コード (user codes):",
        "  HMK01: 通関業 ×1, 通関士 ×3",
        "IDs to be issued: 4",
        "start date: 2027-05-10 (Mon)",
        "ID/password viewing deadline: 2027-05-12 (2 days after the start date)",
        "business days before the start date: 5 (as of 2027-04-26)",
        "warning: only 5 business days before the start date (at least 10 advised); the "
        "review and system set-up may not finish in time",
        "note: user_codes.0.ids.1.count (line 40): 通関士: one ID per customs broker (count = "
        "number of brokers); after the start date link each ID to the broker's 通関士証票番号 "
        "with the UTB 業務",
    ]


def test_check_summary_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "profiles" / "multi-industry-sso.yaml"
    assert check_command(path, "ja", today=TODAY) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "OK: プロファイルに問題はありません",
        "申込者: 六甲ロジスティクス株式会社",
        "利用者コード:",
        "  RKL22: 海貨業 ×1 SSO, NVOCC ×1 SSO, 混載業 ×1 SSO",
        "発行される利用者IDの数: 3",
        "利用開始希望日: 2027-06-01 (火)",
        "ID・パスワード閲覧期限: 2027-06-03 (利用開始日の2日後)",
        "開始日までの営業日: 97 日 (2027-01-04 時点)",
    ]


def test_check_min_business_days_is_configurable(capsys: pytest.CaptureFixture[str]) -> None:
    # 8 business days between: 春分の日 2027-03-21 is a Sunday, so 22 March is off too
    today = dt.date(2027, 3, 18)
    assert check_command(EXAMPLE, "en", min_business_days=8, today=today) == 0
    assert "warning" not in capsys.readouterr().out
    assert check_command(EXAMPLE, "en", min_business_days=9, today=today) == 0
    assert "warning: only 8 business days" in capsys.readouterr().out


def test_check_warns_when_the_start_is_not_a_business_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(EXAMPLE.read_text("utf-8").replace("2027-04-01", "2027-05-03"), "utf-8")
    assert check_command(path, "en", today=TODAY) == 0
    assert "warning: the start date 2027-05-03 is a weekend or a national holiday" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_every_example_profile_passes_check(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_command(path, "en", today=TODAY) == 0
    out, err = capsys.readouterr()
    assert out.startswith("OK: ")
    assert err == ""


def test_check_failure_goes_to_stderr_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(EXAMPLE.read_text("utf-8").replace("code: ABCDE", "code: ABC"), "utf-8")
    assert check_command(path, "en", today=TODAY) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{path}: 1 problem(s)",
        "user_codes.0.code (line 30): a 利用者コード is 5 letters or digits (got 'ABC')",
    ]


# ---------------------------------------------------------------- init


def test_init_writes_the_template_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    assert init_command(path, "en") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"wrote {path}" in err
    assert path.read_text("utf-8") == template_text()
    path.write_text("changed", "utf-8")
    assert init_command(path, "ja") == 2
    assert "上書きしません" in capsys.readouterr().err
    assert path.read_text("utf-8") == "changed"


def test_init_default_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert init_command(None, "en") == 0
    assert (tmp_path / "profile.yaml").exists()


def test_init_into_a_missing_directory_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init_command(tmp_path / "no" / "such" / "p.yaml", "en") == 2
    assert "cannot write" in capsys.readouterr().err


def test_template_fails_check_until_placeholders_are_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    assert init_command(path, "ja") == 0
    capsys.readouterr()
    assert check_command(path, "en", today=TODAY) == 2
    err = capsys.readouterr().err
    placeholders = set(re.findall(r"<<[^<>]*>>", path.read_text("utf-8"))) - {"<<…>>"}
    assert placeholders == set(FILLED)
    assert err.count("replace the template placeholder") == len(
        re.findall(r":\s*<<[^<>…]*>>", path.read_text("utf-8"))
    )

    text = path.read_text("utf-8")
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    path.write_text(text, "utf-8")
    assert check_command(path, "en", today=TODAY) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "  ABCDE: 通関業 ×1" in out


def test_template_has_japanese_comments_with_english_glosses() -> None:
    text = template_text()
    comments = [line for line in text.splitlines() if "#" in line]
    assert len(comments) > 40
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)
    assert "(e-mail)" in text and "NSS_AUTOFILL_PASSWORD" in text


# ---------------------------------------------------------------- plan


def test_plan_json_pages_in_flow_order(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "profiles" / "two-codes-billing.yaml"
    assert plan_command(path, "en", as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    order = [p.id for p in load_catalogue().pages]
    ids = [p["page"] for p in data["pages"]]
    assert ids == sorted(ids, key=order.index)
    assert ids == [
        "terms",
        "temp-apply",
        "temp-confirm",
        "temp-done",
        "login",
        "apply-tanto",
        "apply-office",
        "apply-usercode",
        "apply-usercode",
        "apply-terminal",
        "apply-plan",
        "apply-billing",
        "apply-confirm",
        "apply-done",
    ]
    assert [p["step"] for p in data["pages"]] == list(range(1, 15))
    pages = {p["page"]: p for p in data["pages"]}
    assert pages["terms"]["human_buttons"] == ["システム利用規定に同意する"]
    assert pages["temp-confirm"]["human_buttons"] == ["申込内容を登録する"]
    assert pages["apply-confirm"]["human_buttons"] == ["申込内容を登録する"]
    codes = [p for p in data["pages"] if p["page"] == "apply-usercode"]
    assert [p["title"] for p in codes] == [
        "利用者コード情報の設定 [KTH01]",
        "利用者コード情報の設定 [KTH02]",
    ]
    assert codes[1]["rows"][0][1]["values"] == ["保税蔵置場"]
    login = pages["login"]
    assert login["manual"] == ["login_id", "password"]
    assert all(f["values"] == [] for f in login["fields"])
    billing = {f["id"]: f for f in pages["apply-billing"]["fields"]}
    assert billing["consolidated"]["values"] == ["希望する(下欄に入力してください)"]
    assert billing["consolidated_code"]["values"] == ["1234567", ""]
    assert billing["direct_debit_code"]["values"] == ["", "7654321"]
    assert billing["address_choice"]["values"] == ["その他(下欄に入力してください)"]
    assert billing["city_address"]["values"] == ["千代田区丸の内一丁目１番１号"]
    for page in data["pages"]:
        for field in page["fields"] + [f for row in page["rows"] for f in row]:
            assert field["problems"] == []


def test_plan_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_command(EXAMPLE, "ja", as_json=False) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "[1] 記載事項とシステム利用規定 (terms)",
        "    ! 記載事項とシステム利用規定をお読みください",
        "    → 「システム利用規定に同意する」 はご本人が押します",
        "[2] 申込担当者の情報 (仮ログイン申込) (temp-apply)",
    ]
    assert "    ログインID: [手作業] 環境変数 NSS_AUTOFILL_LOGIN_ID またはご本人の入力" in out
    assert "    氏名(フリガナ): セイ ヤマダ / メイ タロウ" in out
    assert "    利用契約に関する項目 › 利用開始希望日: 年 2027 / 月 4 / 日 1" in out
    assert "    事業所に関する項目 › 事業所名: ＣＰ利用者" in out
    assert "[8] 利用者コード情報の設定 [ABCDE] (apply-usercode)" in out
    assert "      業種: 海貨業" in out
    assert "    希望する料金プラン: Bプラン" in out
    assert out[-4:] == [
        "    備考: (入力なし)",
        "    ! 全タブの申込内容をご確認ください。サイバーポートに関するご質問は備考ではなく "
        "cp-naccs@naccs.jp へ",
        "    → 「申込内容を登録する」 はご本人が押します",
        "[13] NACCS利用申込完了 (apply-done)",
    ]


def test_plan_text_in_english_picks_english_catalogue_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert plan_command(EXAMPLE, "en", as_json=False) == 0
    out = capsys.readouterr().out.splitlines()
    assert "    ログインID: [by hand] from NSS_AUTOFILL_LOGIN_ID or typed by the operator" in out
    assert "    → 「申込内容を登録する」 is pressed by you, never the tool" in out
    assert (
        "    → phase one ends here; when the e-mail with the temporary login ID and password "
        "arrives, run again"
    ) in out


def test_plan_of_a_bad_profile_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("- just a list\n", "utf-8")
    assert plan_command(path, "en", as_json=True) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "the top level is a list" in err


def test_check_path_imports_no_browser_code() -> None:
    import subprocess

    code = (
        "import sys, datetime as dt; from pathlib import Path;"
        "from nss_autofill.commands.check import check_command as c;"
        "from nss_autofill.commands.plan import plan_command as p;"
        f"c(Path({str(EXAMPLE)!r}), 'en', today=dt.date(2027, 1, 4));"
        f"p(Path({str(EXAMPLE)!r}), 'en', True);"
        "bad = [m for m in sys.modules if m.startswith(('playwright', 'nss_autofill.run.browser',"
        " 'nss_autofill.run.session', 'greenlet'))];"
        "print('LOADED:' + ','.join(bad))"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert res.stdout.strip().splitlines()[-1] == "LOADED:"


# ---------------------------------------------------------------- init --example


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (dt.date(2027, 1, 4), dt.date(2027, 4, 5)),  # 4 April 2027 is a Sunday
        (dt.date(2027, 4, 2), dt.date(2027, 7, 2)),  # after the example's own fixed date
        (dt.date(2031, 2, 28), dt.date(2031, 5, 28)),
        (dt.date(2030, 11, 30), dt.date(2031, 2, 28)),  # no 30 February: the month's last day
    ],
)
def test_init_example_is_dated_from_today_and_passes_check(
    today: dt.date, start: dt.date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "example profile.yaml"
    assert init_command(path, "en", example=True, today=today) == 0
    err = capsys.readouterr().err
    assert f"start date {start.isoformat()}" in err
    assert f"nss-autofill '{path}' --dry-run" in err  # quoted: the path holds a space
    text = path.read_text("utf-8")
    original = EXAMPLE.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(original, text.splitlines(), strict=True) if a != b]
    assert changed == [
        (
            "  start_date: 2027-04-01",
            f"  start_date: {start.isoformat()}  # 3 months after {today.isoformat()} "
            "(init --example)",
        )
    ]
    assert check_command(path, "en", today=today) == 0
    assert "warning" not in capsys.readouterr().out


def test_init_example_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("mine", "utf-8")
    assert init_command(path, "ja", example=True) == 2
    assert "上書きしません" in capsys.readouterr().err
    assert path.read_text("utf-8") == "mine"


def test_the_wheel_ships_the_example() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["profiles/example.yaml"] == "nss_autofill/_profiles/example.yaml"
