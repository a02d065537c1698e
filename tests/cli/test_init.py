"""`receptiondesk init`: a desk set up from flags alone, and every refusal named in the user's language."""

from __future__ import annotations

import pytest

from receptiondesk import paths
from tests.cli.helpers import assert_rendered, opened

FULL = ("init", "--commune", "00004", "--officer", "Trần Văn Cán",
        "--signer", "Lê Văn Chủ|Chủ tịch UBND|chairman", "--signer", "Phạm Thị Phó | Phó Chủ tịch UBND | vice_chairman",
        "--village", "Thôn 1", "--village", "Tổ dân phố 5", "--delegation-threshold", "7", "--remote-area")


def _is_set_up(data_dir) -> bool:
    with opened(data_dir) as desk:
        return desk.context.is_set_up


def test_init_sets_the_desk_up_from_flags(run, tmp_path):
    """What init stores; its exit code and message are checked by the next test."""
    data_dir = tmp_path / "new-desk"
    run("--data-dir", data_dir, *FULL)
    assert (data_dir / paths.DATABASE_FILE).is_file()
    with opened(data_dir) as desk:
        settings = desk.context.settings
        assert (settings.commune_code, settings.officer_name) == ("00004", "Trần Văn Cán")
        assert settings.villages == ["Thôn 1", "Tổ dân phố 5"]
        assert (settings.delegation_threshold, settings.remote_area) == (7, True)
        assert [(s["full_name"], s["title"], s["role"]) for s in desk.setup.signers()] == [
            ("Lê Văn Chủ", "Chủ tịch UBND", "chairman"), ("Phạm Thị Phó", "Phó Chủ tịch UBND", "vice_chairman")]
        assert [f["code"] for f in desk.setup.fields()][:2] == ["land", "housing_construction"]
    assert run("--data-dir", data_dir, "visits", "--json").out == "[]\n"


@pytest.mark.parametrize("lang, message", [
    ("vi", "Đã thiết lập bàn tiếp công dân cho Phường Ba Đình (00004) tại {path}."),
    ("en", "The desk is set up for Phường Ba Đình (00004) at {path}."),
], ids=["vi", "en"])
def test_init_exits_0_and_says_where(run, tmp_path, lang, message):
    data_dir = tmp_path / "new-desk"
    result = run("--data-dir", data_dir, "--lang", lang, "init", "--commune", "00004")
    assert (result.code, result.err) == (0, "")
    first, second = result.out.splitlines()
    assert first == message.format(path=data_dir / paths.DATABASE_FILE)
    assert len(second.rsplit(" ", 1)[1]) == 39  # the recovery key, shown once


@pytest.mark.parametrize("lang, message", [
    ("vi", "Mã đơn vị hành chính (xã, phường): không có xã, phường mã “99999” trong danh mục đơn vị hành chính 2025."),
    ("en", "Commune code: no commune has code “99999” in the 2025 list of administrative units."),
], ids=["vi", "en"])
def test_an_unknown_commune_is_refused_naming_the_field(run, tmp_path, lang, message):
    data_dir = tmp_path / "new-desk"
    result = run("--data-dir", data_dir, "--lang", lang, "init", "--commune", "99999", "--officer", "Cán bộ")
    assert (result.code, result.out, result.err) == (3, "", message + "\n")
    assert not _is_set_up(data_dir)


def test_an_empty_commune_is_refused(run, tmp_path):
    result = run("--data-dir", tmp_path / "d", "init", "--commune", " ")
    assert result.code == 3
    assert result.err == "Mã đơn vị hành chính (xã, phường): chưa nhập, đây là thông tin bắt buộc.\n"


@pytest.mark.parametrize("lang, message", [
    ("vi", "Họ tên người ký: “Lê Văn Chủ|Chủ tịch” phải có dạng HỌ TÊN|CHỨC VỤ|VAI TRÒ."),
    ("en", "Signer's name: “Lê Văn Chủ|Chủ tịch” must be NAME|TITLE|ROLE."),
], ids=["vi", "en"])
def test_a_malformed_signer_is_refused(run, tmp_path, lang, message):
    data_dir = tmp_path / "d"
    result = run("--data-dir", data_dir, "--lang", lang, "init", "--commune", "00004",
                 "--signer", "Lê Văn Chủ|Chủ tịch")
    assert (result.code, result.err) == (3, message + "\n")
    assert not _is_set_up(data_dir)


def test_a_signer_with_an_unknown_role_is_refused_and_nothing_is_set_up(run, tmp_path):
    data_dir = tmp_path / "d"
    result = run("--data-dir", data_dir, "init", "--commune", "00004", "--signer", "Lê Văn Chủ|Chủ tịch|president")
    assert result.code == 3
    assert result.err.startswith("Vai trò người ký: giá trị “president” không hợp lệ; chọn một trong: chairman,")
    assert_rendered(result.err)
    assert not _is_set_up(data_dir)


def test_a_signer_without_a_title_is_refused(run, tmp_path):
    result = run("--data-dir", tmp_path / "d", "--lang", "en", "init", "--commune", "00004",
                 "--signer", "Lê Văn Chủ||chairman")
    assert (result.code, result.err) == (3, "Signer's title: is required.\n")


def test_a_delegation_threshold_out_of_range_is_refused(run, tmp_path):
    result = run("--data-dir", tmp_path / "d", "init", "--commune", "00004", "--delegation-threshold", "1")
    assert (result.code, result.err) == (3, "Ngưỡng đoàn đông người: ngưỡng đoàn đông người phải từ 2 đến 100 người.\n")


def test_a_desk_is_set_up_only_once(run, desk_dir):
    result = run("--data-dir", desk_dir, "init", "--commune", "00004")
    assert (result.code, result.err) == (3, "bàn tiếp công dân này đã được thiết lập cho đơn vị 00004.\n")
    english = run("--data-dir", desk_dir, "--lang", "en", "init", "--commune", "00008")
    assert (english.code, english.err) == (3, "this desk is already set up for unit 00004.\n")


def test_a_refused_init_can_be_run_again(run, tmp_path):
    data_dir = tmp_path / "d"
    assert run("--data-dir", data_dir, "init", "--commune", "99999").code == 3
    run("--data-dir", data_dir, "init", "--commune", "00004")
    assert _is_set_up(data_dir)
