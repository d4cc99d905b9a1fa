"""What the run tells the operator, in Japanese and English."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from ..i18n import Lang, Msg

OPENING = Msg("ブラウザを起動します（{browser}）: {url}", "opening the browser ({browser}): {url}")
DRY_RUN = Msg(
    "ドライラン: 模擬NSSサイト {url} で実行します（外部への通信は遮断）。",
    "dry run on the bundled mock NSS at {url} (every request beyond this machine is blocked).",
)
NO_DISPLAY = Msg(
    "画面がないためヘッドレスで実行します。",
    "no display: running headless.",
)
NEED_DISPLAY = Msg(
    "画面がありません。--headless を付けるか、画面のある環境で実行してください。",
    "no display: add --headless or run where a screen is available.",
)
AUTO_CONFIRM_REFUSED = Msg(
    "--auto-confirm は --dry-run か、このPC上（ループバック）のサイトでのみ使えます。"
    "本番のNSSでは、同意・登録ボタンは必ずご自身で押してください。",
    "--auto-confirm works only with --dry-run or a site on this machine (loopback). "
    "On the real NSS you press consent and submit yourself.",
)
PAGE = Msg("［{n}］{name}", "[{n}] {name}")
FILLED = Msg(
    "  入力 {filled} 件、変更なし {unchanged} 件、手入力を保持 {kept} 件、"
    "値なし {skipped} 件、問題 {problems} 件",
    "  filled {filled}, unchanged {unchanged}, kept operator's value {kept}, "
    "no value {skipped}, problems {problems}",
)
FILL_PROBLEMS = Msg(
    "  {n} 件の値を入力できませんでした。ツールは先へ進みません。"
    "枠で示した項目をご確認・修正のうえ、ご自身で次へ進んでください。",
    "  {n} value(s) could not be placed; the tool does not move on. Check and fix the outlined "
    "fields, then move on yourself.",
)
FIELD_PROBLEM = Msg("  ！ {label}: {status} {detail}", "  ! {label}: {status} {detail}")
MENU_CLOSED = Msg("  メニューが開きません: {detail}", "  the menu does not open: {detail}")
PRESSING = Msg("  「{caption}」を押します", "  pressing 「{caption}」")
UNTRUSTED = Msg(
    "信頼されていない接続先のため何も入力しません: {origin}"
    "（NSS の接続先であれば --allow-origin で指定してください）",
    "not a trusted origin, nothing is filled: {origin} "
    "(if this is NSS, name it with --allow-origin)",
)
UNKNOWN = Msg(
    "このページを特定できません（{reason}）。入力は行いません。",
    "cannot tell which page this is ({reason}); nothing is filled.",
)
CANDIDATE = Msg(
    "  候補 {page}: 不一致 {failed}",
    "  candidate {page}: failed {failed}",
)
VALIDATION = Msg(
    "NSS が入力の誤りを表示しています。内容を直して先へ進めてください:",
    "NSS shows input errors. Correct them and move on:",
)
BLOCKED_PAGE = Msg("{name} が表示されています。", "the site shows: {name}.")
WAIT_HUMAN = Msg(
    "ブラウザでの操作をお待ちしています（次の画面に進むと再開します）。",
    "waiting for you in the browser (the tool resumes on the next page).",
)
REVIEW = Msg(
    "ご確認ください: {review}。よろしければ「{caption}」をご自身で押してください。",
    "please review: {review}. Then press 「{caption}」 yourself.",
)
HEADLESS_STOP = Msg(
    "「{caption}」は人が押すボタンです。ヘッドレスのためここで停止します（終了コード 3）。",
    "「{caption}」 is for a human to press; headless, so stopping here (exit 3).",
)
SIMULATED = Msg(
    "  模擬オペレーターが「{caption}」を押します（ドライランのみ）",
    "  the simulated operator presses 「{caption}」 (dry run only)",
)
LOGIN_WAIT = Msg(
    "ログインID とパスワードをブラウザで入力してログインしてください"
    "（または NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD を設定）。",
    "type the login ID and password in the browser and log in "
    "(or set NSS_AUTOFILL_LOGIN_ID / NSS_AUTOFILL_PASSWORD).",
)
PHASE1_DONE = Msg(
    "仮ログイン登録が完了しました。仮ログインIDとパスワードがメールで届きます"
    "（数時間かかることがあります）。\n{next}",
    "the temporary registration is complete. The temporary login ID and password arrive by "
    "e-mail (this may take hours).\n{next}",
)
MOCK_MAIL = Msg(
    "  模擬メールのURLで第2段階へ進みます: {url}",
    "  following the mock mail to phase 2: {url}",
)
DONE = Msg(
    "NACCS利用申込が完了しました。今後の予定:\n"
    "  □ 受付完了・審査完了のメールが届きます。\n"
    "  □ 利用者ID・パスワードの参照URLは利用開始日の2日後（{deadline}）まで有効です。\n"
    "  □ システム設定の申込は利用開始日の4営業日前（{setup}）までに完了してください。\n"
    "{broker}",
    "the NACCS application is complete. Next:\n"
    "  □ mails follow: application received, then review complete.\n"
    "  □ the ID/password link works only until 2 days after the start date ({deadline}).\n"
    "  □ complete any システム設定 application by 4 business days before the start ({setup}).\n"
    "{broker}",
)
BROKER = Msg(
    "  □ 通関士の方は、利用開始日以降に各自の新しい利用者IDを通関士証票番号と紐付けてください"
    "（UTB業務、netNACCSのIDでログイン、平日）。",
    "  □ each 通関士 links their new ID to their 通関士証票番号 after the start date "
    "(UTB 業務, logged in with the netNACCS ID, weekdays).",
)
CLOSED = Msg("ブラウザが閉じられました。", "the browser was closed.")
REPORT_WRITTEN = Msg("レポート: {path}", "report: {path}")
CONFIRM_OK = Msg(
    "  確認画面の照合: 入力した {n} 項目すべてが表示されています。",
    "  confirmation check: all {n} values the tool filled are shown.",
)
CONFIRM_DIFF = Msg(
    "  確認画面の照合: {n} 件の値が表示されていません。登録する前にご確認ください:",
    "  confirmation check: {n} values are not shown. Check them before you submit:",
)
CONFIRM_LINE = Msg("    ✗ {label}: 「{value}」", "    ✗ {label}: 「{value}」")
FIELD_LINE = Msg("    {label}: {value} [{status}]", "    {label}: {value} [{status}]")


@dataclass
class Progress:
    """Operator messages on stderr, one line per event, in the operator's language."""

    lang: Lang
    stream: Any = field(default_factory=lambda: sys.stderr)
    # 0 quiet: only what needs the operator and the end; 1 normal; 2 verbose: every field.
    level: int = 1

    def say(self, msg: Msg, *, level: int = 1, **kw: object) -> None:
        if level <= self.level:
            self.stream.write(msg.render(self.lang, **kw) + "\n")
            self.stream.flush()
