"""The mock NSS site over plain HTTP: redirects, sessions, encodings, binding, CLI."""

from __future__ import annotations

import http.client
import socket
from urllib.parse import quote, urlsplit

import pytest

from nss_autofill.mock import MockSite, fixtures_dir
from nss_autofill.mock.flow import BY_ID
from nss_autofill.mock.server import main, serve_forever
from nss_autofill.site.catalogue import load_catalogue

pytestmark = pytest.mark.nobrowser


class Client:
    """A tiny cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, site: MockSite) -> None:
        self.site = site
        self.cookie: str | None = None

    def request(
        self, method: str, path: str, body: bytes = b"", ctype: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.site.host, self.site.port, timeout=5)
        headers = {"Content-Type": ctype} if ctype else {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        hdrs = {k.lower(): v for k, v in resp.getheaders()}
        conn.close()
        if "set-cookie" in hdrs:
            self.cookie = hdrs["set-cookie"].split(";")[0]
        return resp.status, hdrs, data

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def post(
        self, path: str, fields: dict[str, str], encoding: str = "utf-8"
    ) -> tuple[int, dict[str, str], bytes]:
        body = "&".join(f"{quote(k)}={quote(v, encoding=encoding)}" for k, v in fields.items())
        return self.request("POST", path, body.encode("ascii"), "application/x-www-form-urlencoded")


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_post_answers_303_and_get_renders(mock_site: MockSite) -> None:
    c = Client(mock_site)
    status, hdrs, _ = c.get(path_of(mock_site.url_for("apply-mailbox")))
    assert status == 303 and c.cookie
    mailbox = hdrs["location"]
    status, hdrs, _ = c.post(mailbox, {"txtMbxSu": "2", "btnNext": "次へ"})
    assert status == 303
    status, _, body = c.get(hdrs["location"])
    assert status == 200 and "料金入力" in body.decode()
    status, _, body = c.get(mailbox)
    assert 'value="2"' in body.decode()  # re-shown on a revisit
    post = mock_site.posts[-1]
    assert (post.page_id, post.kind, post.submitter) == ("apply-mailbox", "other", "次へ")


def test_shift_jis_post_is_decoded_as_cp932(mock_site: MockSite) -> None:
    c = Client(mock_site)
    status, hdrs, _ = c.get(path_of(mock_site.url_for("temp-apply")))
    status, hdrs, body = c.get(hdrs["location"])
    assert hdrs["content-type"] == "text/html; charset=Shift_JIS"
    assert "申込担当者の情報" in body.decode("cp932")
    fields = {
        "txtKgyMei": "髙島屋ではない架空株式会社",
        "txtTntSei": "斎藤",
        "txtTntMei": "花",
        "txtTntSeiKana": "サイトウ",
        "txtTntMeiKana": "ハナ",
        "txtTelNo": "03-0000-0000",
        "txtMailAddr": "a@example.test",
        "txtMailAddrKakunin": "a@example.test",
        "hdnBtnNm": "",
        "btnKakunin": "申込内容確認へ進む",
    }
    status, hdrs, _ = c.post(path_of(mock_site.page_url("temp-apply")), fields, "cp932")
    assert status == 303 and hdrs["location"] == path_of(mock_site.page_url("temp-confirm"))
    post = mock_site.posts[-1]
    assert post.encoding == "cp932"
    assert post.fields["txtKgyMei"] == ["髙島屋ではない架空株式会社"]
    assert post.submitter == "申込内容確認へ進む"


@pytest.mark.mock_selftest(1)  # this test posts to the guarded endpoint itself, once
@pytest.mark.parametrize(
    ("page_id", "kind"),
    [("terms", "consent"), ("temp-confirm", "final"), ("apply-confirm", "final")],
)
def test_guarded_endpoints_are_classed_whatever_the_submitter(
    any_mock_site: MockSite, page_id: str, kind: str, request: pytest.FixtureRequest
) -> None:
    mock_site = any_mock_site
    c = Client(mock_site)
    c.get(path_of(mock_site.url_for(page_id)))
    c.post(path_of(mock_site.page_url(page_id)), {"hdnBtnNm": ""})  # e.g. a script's form.submit()
    post = mock_site.posts[-1]
    assert (post.page_id, post.kind, post.submitter) == (page_id, kind, None)
    assert mock_site.guarded_posts() == [post]


def test_hidden_submitter_is_reported(mock_site: MockSite) -> None:
    c = Client(mock_site)
    c.get(path_of(mock_site.url_for("apply-plan")))
    c.post(path_of(mock_site.page_url("apply-plan")), {"hdnBtnNm": "戻る", "rdoRyokinPlan": "A"})
    assert mock_site.posts[-1].submitter == "戻る"


def test_modern_action_buttons_and_names_map_to_the_flow() -> None:
    with MockSite(style="modern") as site:
        c = Client(site)
        c.get(path_of(site.url_for("apply-plan")))
        plan = path_of(site.page_url("apply-plan"))
        assert plan == "/app/v7/application/plan"
        status, hdrs, _ = c.post(plan, {"plan[general]": "B", "action": "back"})
        assert status == 303
        assert site.base_url + hdrs["location"] == site.page_url("apply-mailbox")
        post = site.posts[-1]
        assert (post.page_id, post.kind, post.submitter) == ("apply-plan", "other", "戻る")
        assert post.fields == {"plan[general]": ["B"], "action": ["back"]}
        # a bad value: the same flow validates it and shows the page again, modern names kept
        status, _, page = c.post(plan, {"plan[general]": "", "action": "next"})
        text = page.decode("utf-8")
        assert status == 200 and "入力内容に誤りがあります。" in text
        assert "希望する料金プランを入力してください。" in text
        assert 'name="plan[general]"' in text and "rdoRyokinPlan" not in text


def test_sessions_are_separate(mock_site: MockSite) -> None:
    a, b = Client(mock_site), Client(mock_site)
    a.get(path_of(mock_site.url_for("apply-tanto")))
    status, _, body = b.get(path_of(mock_site.page_url("apply-tanto")))
    assert status == 200 and "セッションがタイムアウトしました。" in body.decode()


def test_unknown_path_is_404_and_still_recorded(mock_site: MockSite) -> None:
    c = Client(mock_site)
    assert c.get("/nope")[0] == 404
    c.post("/nope", {"a": "b"})
    assert mock_site.posts[-1].path == "/nope" and mock_site.posts[-1].kind == "other"


def test_binds_loopback_only() -> None:
    for host in ("0.0.0.0", "192.0.2.1", "example.com", "::"):
        with pytest.raises(ValueError, match="loopback"):
            MockSite(host=host)
    with MockSite() as site:
        assert site.host == "127.0.0.1" and site.base_url.startswith("http://127.0.0.1:")
        assert site.start_url == site.base_url + "/"
        # the listening socket is bound to 127.0.0.1 itself, not to every address
        server = site._server
        assert server is not None and server.socket.getsockname()[0] == "127.0.0.1"
        # so another address of this machine does not answer: 127.0.0.2 is on the loopback
        # interface too (Linux routes all of 127/8 there), and a socket bound to 0.0.0.0 would
        # accept it
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex(("127.0.0.2", site.port)) != 0


def test_start_stop_and_ports() -> None:
    site = MockSite().start()
    port = site.port
    assert port > 0 and site.start() is site
    site.stop()
    site.stop()  # idempotent
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("style", ["classic", "modern"])
def test_fixtures_dir_has_every_template(style: str) -> None:
    root = fixtures_dir() / style
    names = {p.name for p in root.iterdir()}
    catalogue_ids = {p.id for p in load_catalogue().pages}
    assert catalogue_ids | {"unknown"} == set(BY_ID)
    for page_id, page in BY_ID.items():
        assert page.template == f"{page_id}.html" and page.template in names


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="style"):
        MockSite(style="nonexistent")


def test_cli_main_prints_the_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--port", "0"], _wait=lambda: None) == 0
    assert "http://127.0.0.1:" in capsys.readouterr().out
    assert serve_forever(0, "en", _wait=lambda: None) == 0
    assert "mock NSS site: http://127.0.0.1:" in capsys.readouterr().out
    assert main(["--host", "0.0.0.0"], _wait=lambda: None) == 2
    assert main(["--port", "0", "--style", "modern"], _wait=lambda: None) == 0
    assert capsys.readouterr().out.strip().endswith("/portal/  (Ctrl-C で終了)")
    assert serve_forever(0, style="modern", _wait=lambda: None) == 0
    assert serve_forever(0, style="brutalist", _wait=lambda: None) == 2
    assert "no mock style 'brutalist'" in capsys.readouterr().err


def test_cli_stops_on_ctrl_c(capsys: pytest.CaptureFixture[str]) -> None:
    def interrupt() -> None:
        raise KeyboardInterrupt

    assert serve_forever(0, _wait=interrupt) == 0


def test_usercode_rules_on_the_server(mock_site: MockSite) -> None:
    c = Client(mock_site)
    c.get(path_of(mock_site.url_for("apply-usercode")))
    path = path_of(mock_site.page_url("apply-usercode"))
    row = {"hdnGyoshu": "G12", "hdnHoshiki": "2", "hdnSikibetuSu": "2", "hdnSso": "1"}
    status, _, body = c.post(
        path, {"txtRiyosyaCd": "AB12C", **row, "btnSettei": "この内容を設定する"}
    )
    assert status == 200
    text = body.decode()
    assert "入力内容に誤りがあります。" in text
    assert "シングルサインオンを利用できない業種が含まれています。" in text
    assert 'name="hdnGyoshu" value="G12"' in text  # the rows set so far are kept
    status, hdrs, _ = c.post(path, {"txtRiyosyaCd": "AB12C", **row, "hdnSso": "0"})
    assert status == 303 and hdrs["location"] == path_of(
        mock_site.page_url("apply-usercode-choice")
    )


def test_next_without_a_code_is_refused(mock_site: MockSite) -> None:
    c = Client(mock_site)
    c.get(path_of(mock_site.url_for("apply-office")))
    path = path_of(mock_site.page_url("apply-usercode-choice"))
    status, _, body = c.get(path)
    assert "設定済みの利用者コードはありません。" in body.decode()
    assert ">次へ<" not in body.decode()
    status, _, body = c.post(path, {"hdnBtnNm": "次へ"})
    assert status == 200 and "利用者コードが設定されていません。" in body.decode()


def test_posts_during_a_fault_are_recorded(mock_site: MockSite) -> None:
    c = Client(mock_site)
    c.get(path_of(mock_site.url_for("apply-mailbox")))
    mock_site.fault = "maintenance"
    status, _, body = c.post(path_of(mock_site.page_url("apply-mailbox")), {"txtMbxSu": "1"})
    assert status == 200 and "ただいまシステムメンテナンス中です。" in body.decode()
    assert mock_site.posts[-1].page_id == "apply-mailbox"
    with pytest.raises(ValueError, match="fault"):
        mock_site.fault = "flood"
