"""The guided ``init``: each example profile answered question by question gives the example
back; wrong answers are asked again with check's message; a broken profile is fixed by asking
only what it lacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from nss_autofill.commands.init import guided
from nss_autofill.profile import load_profile

pytestmark = pytest.mark.nobrowser

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2027, 1, 4)
ENTER = ""  # the default, as shown in brackets


class Script:
    """An operator who answers from a list; every question and message is kept."""

    def __init__(self, answers: Sequence[str]) -> None:
        self.answers = list(answers)
        self.log: list[str] = []

    def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str:
        self.log.append(f"? {question} [{default}]")
        if not self.answers:
            raise EOFError
        answer = self.answers.pop(0)
        return answer or default

    def say(self, text: str) -> None:
        self.log.append(text)


APPLICANT = ["ナックス商事株式会社", "物流部", "山田", "太郎", "ヤマダ", "タロウ", "03-1234-5678",
             "yamada@example.co.jp"]  # fmt: skip
COMPANY = [ENTER, "ナックスショウジ", "7000012050002", ENTER, "港 一郎", "105-0001",
           "一丁目２番３号", "虎ノ門ビル５階", ENTER]  # fmt: skip
NO_MORE = ["いいえ"]

SCRIPTS: dict[str, list[str]] = {
    "example": [
        *APPLICANT, *COMPANY, ENTER,  # administrator: the applicant
        "2027-04-01", "ABCDE", "海貨業",
        ENTER, ENTER, *NO_MORE, *NO_MORE,  # count 1, no single sign-on, no more
        ENTER, ENTER, ENTER,  # plan B, no statistics, no archive
        ENTER, ENTER,  # billing as by default, no remarks
        ENTER,  # write
    ],
    "customs-broker": [
        "浜風通関株式会社", "通関部", "佐藤", "花子", "さとう", "はなこ",
        "０４５－６６１－０００１",
        "sato@hamakaze-tsukan.example.jp",
        ENTER, "ハマカゼツウカン", ENTER, "代表取締役社長", "海野 誠", "２３１－００２３",
        "１番地", "山下町ビル３階", "045-661-0001",
        "いいえ", "鈴木 一郎", "045-661-0002", "suzuki@hamakaze-tsukan.example.jp",
        "2027-05-10", "HMK01", "通関業", ENTER, ENTER, "はい", "通関士", "3", *NO_MORE, *NO_MORE,
        "A", "はい", ENTER, ENTER, ENTER, ENTER,
    ],
    "two-codes-billing": [
        "北浜倉庫株式会社", "業務管理部", "中村", "美咲", "ナカムラ", "ミサキ", "06-6201-0001",
        "nakamura@kitahama-soko.example.jp",
        ENTER, "キタハマソウコ", "8120001000005", ENTER, "大川 修", "541-0041",
        "２丁目３番４号", "北浜センタービル１０階", ENTER, ENTER,
        "2027-07-01", "KTH01", "通関業", ENTER, ENTER, *NO_MORE, "はい",
        "KTH02", "保税蔵置場", "2", ENTER, *NO_MORE, *NO_MORE,
        "A", ENTER, "はい",
        "いいえ",  # billing: not as by default
        "はい", "1234567", "北浜ホールディングス株式会社", "本社",
        "はい", "100-0005", "一丁目１番１号", "丸の内ビル８階",
        "はい", ENTER, "7654321", "北浜ホールディングス株式会社", "経理部",
        "請求書の宛先は経理部でお願いします。", ENTER,
    ],
    "multi-industry-sso": [
        "六甲ロジスティクス株式会社", ENTER, "田中", "健", "ﾀﾅｶ", "ｹﾝ", "078-331-0001",
        "tanaka@rokko-logi.example.jp",
        ENTER, "ロッコウロジスティクス", "1010001000014", ENTER, "神戸 太一", "6500024",
        "３丁目１番５号", ENTER, ENTER, ENTER,
        "2027-06-01", "RKL22",
        "7", ENTER, "はい", "はい",  # 海貨業 by its number, count 1, single sign-on
        "NVOCC", ENTER, "はい", "はい",
        "混載業", ENTER, "はい", *NO_MORE, *NO_MORE,
        ENTER, ENTER, ENTER, ENTER, ENTER, ENTER,
    ],
}  # fmt: skip


def _written(tmp_path: Path, name: str) -> dict[str, object]:
    return load_profile(tmp_path / name, today=TODAY).model_dump()


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_answering_an_example_gives_the_example(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = Script(SCRIPTS[name])
    target = tmp_path / "new.yaml"
    assert guided(target, "ja", asker=script, today=TODAY) == 0, "\n".join(script.log)
    assert script.answers == []
    expected = load_profile(ROOT / "profiles" / f"{name}.yaml", today=TODAY).model_dump()
    assert _written(tmp_path, "new.yaml") == expected
    assert any(line.startswith("OK: プロファイルに問題はありません") for line in script.log)
    assert "new.yaml を作成しました" in capsys.readouterr().err


def test_the_address_comes_from_the_postal_code(tmp_path: Path) -> None:
    script = Script(SCRIPTS["example"])
    guided(tmp_path / "p.yaml", "ja", asker=script, today=TODAY)
    assert "  〒105-0001: 東京都 港区 虎ノ門（NSS の「反映」と同じ）" in script.log
    assert "? 港区虎ノ門 に続く番地 []" in script.log
    assert not any(line.startswith("? 都道府県") for line in script.log)


def test_wrong_answers_are_asked_again_with_checks_message(tmp_path: Path) -> None:
    answers = list(SCRIPTS["example"])
    answers[4:5] = ["やまだ"]  # hiragana: converted as check converts it, not refused
    at = answers.index("105-0001")
    answers[at : at + 1] = ["105-001", "999-9999", "105-0001"]
    at = answers.index("2027-04-01")
    answers[at : at + 1] = ["2026-12-01", "2027-04-01"]
    at = answers.index("海貨業")
    answers[at : at + 1] = ["海化業", "海貨業"]
    script = Script(answers)
    assert guided(tmp_path / "p.yaml", "ja", asker=script, today=TODAY) == 0
    log = "\n".join(script.log)
    assert "  → ヤマダ" in log
    assert "  郵便番号は7桁の数字です" in log
    assert "  郵便番号 999-9999 は日本郵便のデータにありません" in log
    assert "  利用開始希望日 2026-12-01 は過去の日付です (今日は 2027-01-04)" in log
    assert "海化業" in log and "海貨業" in log
    assert load_profile(tmp_path / "p.yaml", today=TODAY).applicant.family_name_kana == "ヤマダ"


def test_a_broken_profile_is_fixed_by_asking_only_what_it_lacks(tmp_path: Path) -> None:
    text = (ROOT / "profiles" / "example.yaml").read_text("utf-8")
    text = text.replace("yamada@example.co.jp", "yamada@").replace("  start_date: 2027-04-01\n", "")
    broken = tmp_path / "mine.yaml"
    broken.write_text(text, "utf-8")
    script = Script(["yamada@example.co.jp", "2027-04-01", ENTER])
    assert guided(broken, "en", asker=script, today=TODAY) == 0, "\n".join(script.log)
    questions = [line for line in script.log if line.startswith("? ")]
    assert questions == [
        "? 申込担当者 メールアドレス (applicant: e-mail) [yamada@]",
        "? 利用開始希望日 (start date) [2027-04-05]",
        f"? write {tmp_path / 'mine-fixed.yaml'} (yes/no) [yes]",
    ]
    assert broken.read_text("utf-8") == text  # never overwritten
    expected = load_profile(ROOT / "profiles" / "example.yaml", today=TODAY).model_dump()
    assert _written(tmp_path, "mine-fixed.yaml") == expected


def test_input_that_ends_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = Script(SCRIPTS["example"][:10])
    assert guided(tmp_path / "p.yaml", "en", asker=script, today=TODAY) == 5
    assert "the input ended; nothing was written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_writes_nothing(tmp_path: Path) -> None:
    class Interrupting(Script):
        def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str:
            if "に書き込みますか" in question:
                raise KeyboardInterrupt
            return super().ask(question, default, choices)

    with pytest.raises(KeyboardInterrupt):  # the command line says 「中断しました」, exit 5
        guided(tmp_path / "g.yaml", "ja", asker=Interrupting(SCRIPTS["example"]), today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_prompt_toolkit_is_driven_by_its_own_test_input() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from nss_autofill.commands.prompter import ToolkitPrompter

    with create_pipe_input() as pipe:
        asker = ToolkitPrompter(input=pipe, output=DummyOutput())
        pipe.send_text("\r")  # Enter keeps the pre-filled default
        assert asker.ask("代表者役職", default="代表取締役") == "代表取締役"
        pipe.send_text("海貨業\r")
        assert asker.ask("業種", choices=["通関業", "海貨業"]) == "海貨業"
