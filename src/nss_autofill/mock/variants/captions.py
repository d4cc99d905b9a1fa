"""Which captions the real NSS is known to show, and other wordings for the rest.

The flow's captions come from three kinds of source. Those that the Cyber Port manual shows
(its prose or the OCR of its screenshots) are *known*: a real site shows them as written.
Everything else — group names, labels and buttons of the pages no public source shows, the
mock's own messages — is a guess, and the live site may word it otherwise. With
``perturb=True`` a variant replaces every guessed caption by another plausible wording a
Japanese web application might use; known captions never change.

``KNOWN`` lists the known captions per page ("*" = on every page); ``OTHER_WORDINGS`` the
alternatives of every guessed caption the variant pages show. A guessed caption missing from
``OTHER_WORDINGS`` would silently stay; ``tests/test_variants.py`` checks there is none.
"""

from __future__ import annotations

# Captions the manual shows (prose, or the OCR of its screenshots), per page id.
KNOWN: dict[str, frozenset[str]] = {
    "*": frozenset(
        {
            "NACCSサポートシステム",
            "仮ログイン申込",
            "仮ログイン登録完了",
            "NACCS利用申込",
            "NACCS利用申込完了",
            "審査完了",
            "申込担当",
            "事業所・企業",
            "利用者",
            "論理端末・証明書",
            "回線・論理端末",
            "メールボックス",
            "請求先",
            "システム利用規定に同意する",
            "申込内容を登録する",
            "申込内容確認へ進む",
            "反映",
        }
    ),
    "bbs-top": frozenset({"NACCS掲示板", "契約手続(NSS)", "NSS ログイン"}),
    "bbs-nss": frozenset({"NACCS掲示板", "NSS ログイン", "1 NSSについて", "新規申込"}),
    "terms": frozenset({"記載事項とシステム利用規定", "記載事項", "システム利用規定"}),
    "temp-apply": frozenset({"申込担当者の情報"}),
    "temp-confirm": frozenset({"申込内容確認"}),
    "temp-done": frozenset({"仮ログイン登録完了", "模擬メール"}),
    "login": frozenset({"NSS ログイン"}),
    "apply-tanto": frozenset(
        {"申込担当者に関する項目", "利用契約に関する項目", "申込理由", "利用開始希望日"}
    ),
    "apply-office": frozenset({"事業所名", "事業所名(フリガナ)", "一般NACCSを利用する"}),
    "apply-usercode-choice": frozenset({"他事業所の利用者コードを共用する"}),
    "apply-usercode": frozenset(
        {
            "利用者コード情報の設定",
            "利用者コード",
            "シングルサインオン",
            "業種",
            "処理方式",
            "識別番号数",
            "設定",
            "この内容を設定する",
            "SMTP双方向",
            "設定した利用者コード情報",
        }
    ),
    "apply-terminal": frozenset(
        {"機器共用・共同利用、回線付替を別途申込、または自社システムを利用します。"}
    ),
    "apply-plan": frozenset({"希望する料金プラン"}),
    "apply-billing": frozenset(
        {
            "請求先入力",
            "一括請求に関する項目",
            "一括請求",
            "希望しない",
            "希望する(下欄に入力してください)",
            "一括請求先",
            "コード",
            "登録請求先コード",
            "事業所コード",
            "企業名",
            "事業所名",
            "請求先所在地に関する項目",
            "所在地",
            "事業所に同じ",
            "その他(下欄に入力してください)",
            "郵便番号",
            "住所(都道府県)",
            "住所(市区町村・番地)",
            "住所(建物名等)",
            "同一口座振替の利用",
            "同一口座振替",
            "希望しない(請求書を送付します)",
            "同一口座振替を希望する(同一口座振替先を入力してください)",
            "同一口座振替先",
        }
    ),
    "apply-confirm": frozenset({"申込内容確認", "備考", "備考の項目"}),
    "apply-done": frozenset({"NACCS利用申込完了"}),
}

# Other wordings of every guessed caption (the first entry of a list is not preferred: the
# variant picks among them by its seed).
OTHER_WORDINGS: dict[str, tuple[str, ...]] = {
    # navigation and choices
    "次へ": ("次へ進む", "次画面へ", "保存して次へ"),
    "戻る": ("前の画面へ戻る", "前画面へ", "前へ"),
    "ログイン": ("ログインする", "ログイン実行"),
    "同意しない": ("同意しません", "同意せずに終了する"),
    "netNACCSのみを利用する": ("netNACCSのみ利用する", "netNACCSだけを利用する"),
    "新しい利用者コードを取得する": ("利用者コードを新規取得する", "新たに利用者コードを取得する"),
    "ログイン画面へ": ("ログイン画面に戻る", "再ログイン"),
    "回答する": ("送信する",),
    "回答しない": ("回答せずに進む",),
    # the 料金 tab is inferred from a gap in the OCR
    "料金": ("料金プラン", "利用料金"),
    # headings
    "申込担当入力": ("申込担当者情報の入力", "申込担当者の入力"),
    "事業所・企業入力": ("企業・事業所情報の入力", "事業所・企業情報"),
    "企業に関する項目": ("企業情報", "企業の情報"),
    "事業所に関する項目": ("事業所情報", "事業所の情報"),
    "システム管理責任者に関する項目": ("システム管理責任者", "システム管理責任者の情報"),
    "利用者コードの選択": ("利用者コード設定", "利用者コードの設定方法"),
    "設定済みの利用者コード": ("登録済みの利用者コード", "利用者コード一覧"),
    "回線・論理端末入力": ("回線・論理端末の設定", "回線・論理端末情報"),
    "回線・論理端末に関する項目": ("回線・論理端末の情報", "回線及び論理端末"),
    "メールボックス入力": ("メールボックスの設定", "メールボックス情報"),
    "料金入力": ("料金プランの選択", "料金プラン選択"),
    "一般NACCS": ("一般NACCSの料金", "一般NACCS利用料金"),
    "エラー": ("システムエラー", "エラーが発生しました"),
    "システムメンテナンスのお知らせ": ("メンテナンス中", "サービス停止のお知らせ"),
    "アンケートのお願い": ("利用者アンケート",),
    # labels
    "企業名": ("会社名", "企業名称", "法人名"),
    "部署名": ("所属部署", "部署"),
    "氏名": ("担当者氏名", "お名前", "氏名（漢字）"),
    "氏名(フリガナ)": ("フリガナ", "氏名(カナ)", "氏名カナ"),
    "姓": ("氏", "姓（漢字）"),
    "名": ("名（漢字）", "名前"),
    "セイ": ("姓（カナ）", "セイ（カナ）"),
    "メイ": ("名（カナ）", "メイ（カナ）"),
    "電話番号": ("電話", "TEL", "連絡先電話番号"),
    "メールアドレス": ("E-mailアドレス", "メール", "電子メールアドレス"),
    "メールアドレス(確認用)": ("メールアドレス(再入力)", "確認用メールアドレス"),
    "ログインID": ("利用者ID", "ユーザID", "ID"),
    "パスワード": ("ログインパスワード", "パスワード（半角英数字）"),
    "企業名(フリガナ)": ("企業名カナ", "フリガナ(企業名)", "企業名（カナ）"),
    "法人番号": ("会社法人番号", "法人番号（13桁）"),
    "代表者役職": ("代表者の役職", "代表者肩書"),
    "代表者氏名": ("代表者名", "代表者の氏名"),
    "郵便番号": ("〒", "郵便番号（ハイフンなし）"),
    "住所(都道府県)": ("都道府県", "所在地(都道府県)"),
    "住所(市区町村・番地)": ("市区町村・番地", "所在地(市区町村以下)"),
    "住所(建物名等)": ("建物名・部屋番号", "ビル名等"),
    "事業所所在地": ("事業所の所在地", "所在地（事業所）"),
    "企業に同じ": ("企業と同じ", "上記と同じ"),
    "その他": ("別の所在地", "その他の所在地"),
    "シングルサインオンを利用する": ("シングルサインオンを利用", "SSOを利用する"),
    "機器共用等": ("機器共用・回線付替", "機器の共用等"),
    "回線種別": ("回線の種類", "回線区分"),
    "論理端末数": ("論理端末の数", "必要な論理端末数"),
    "メールボックス数": ("メールボックスの数", "必要メールボックス数"),
    "メールボックス容量": ("容量", "メールボックスの容量"),
    "Aプラン": ("プランA", "A プラン"),
    "Bプラン": ("プランB", "B プラン"),
    "管理統計資料(有料分)": ("管理統計資料（有料）", "管理統計資料の提供"),
    "保税管理資料保存サービス": ("保税管理資料の保存サービス", "保税管理資料保存"),
    "要": ("必要", "希望する"),
    "不要": ("必要なし", "希望しない"),
    "利用システム": ("利用するシステム",),
    "システム管理責任者": ("システム管理者",),
    "住所": ("所在地",),
    # messages of the mock's own
    "入力内容に誤りがあります。": ("入力エラーがあります。", "入力内容をご確認ください。"),
    "セッションがタイムアウトしました。再度ログインしてください。": (
        "一定時間操作がなかったため、ログアウトしました。",
        "セッションの有効期限が切れました。もう一度ログインしてください。",
    ),
    "ただいまシステムメンテナンス中です。": (
        "現在、システムメンテナンスを実施しております。",
        "ただいまメンテナンスのためサービスを停止しています。",
    ),
}


def is_known(page_id: str, caption: str) -> bool:
    """Whether the manual shows ``caption`` (on ``page_id`` or on every page)."""
    return caption in KNOWN["*"] or caption in KNOWN.get(page_id, frozenset())
