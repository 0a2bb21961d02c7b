"""generator/mkdocs_plugin/config.py and the settings checks, through ``kb build`` as CI runs
it and through ``mkdocs build``: a bad setting stops the build with one Chinese message naming
it (never MkDocs' English, never a traceback), nothing is built, and a number read from an
environment variable is taken as the text that was written. ``kb`` reads the environment
before it starts MkDocs (exit 2); the plugin checks what reaches MkDocs (exit 1)."""

from __future__ import annotations

import pytest

from tests.conftest import copy_project, run_kb, run_mkdocs

EDITOR = {"KB_CMS_REPO": "dangjian/kb", "KB_CMS_BASE_URL": "https://gitlab.example.cn"}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("config") / "kb")


def _refused(root, *args, front_end=run_kb, code=1, **env) -> str:
    result = front_end(root, "build", *args, env=env)
    output = result.stderr + result.stdout
    assert result.returncode == code, output
    assert "Traceback" not in output and "Expected" not in output and "Config value" not in output
    assert not (root / "site").exists()
    return output


@pytest.mark.parametrize(
    "args, env, front_end, code",
    [
        (["--site-url", 'https://x/kb/"><script>alert(1)</script>'], {}, run_kb, 1),
        ([], {"KB_SITE_URL": 'https://x/kb/" onload="alert(1)'}, run_kb, 2),
        ([], {"KB_SITE_URL": 'https://x/kb/" onload="alert(1)'}, run_mkdocs, 1),
    ],
)
def test_a_site_address_with_code_in_it_is_refused(root, args, env, front_end, code):
    output = _refused(root, *args, front_end=front_end, code=code, **env)
    assert "网站地址（kb build --site-url、环境变量 KB_SITE_URL" in output
    assert "不能使用" in output


@pytest.mark.parametrize("front_end, code", [(run_kb, 2), (run_mkdocs, 1)])
def test_the_editors_host_cannot_widen_the_admin_policy(root, front_end, code):
    output = _refused(
        root,
        front_end=front_end,
        code=code,
        **EDITOR | {"KB_CMS_BASE_URL": "https://x; connect-src *", "KB_CMS_APP_ID": "1"},
    )
    assert "KB_CMS_BASE_URL" in output and "「https://x; connect-src *」不能使用" in output


@pytest.mark.parametrize("name, value", [("KB_CMS_REVIEW", "maybe"), ("KB_CMS_BACKEND", "gitea")])
def test_bad_switches_name_their_variable_in_chinese(root, name, value):
    output = _refused(root, code=2, **{name: value})
    assert f"（环境变量 {name}）只能是" in output and f"现在是「{value}」" in output


def test_mkdocs_itself_says_it_in_chinese_too(root):
    output = _refused(root, front_end=run_mkdocs, **{"KB_DRAFTS": "2", "KB_CMS_REVIEW": "maybe"})
    assert "设置「包含草稿」（环境变量 KB_DRAFTS）只能是 true 或 false" in output
    assert "（环境变量 KB_CMS_REVIEW）只能是 true 或 false（开或关），现在是「maybe」" in output


def test_a_setting_written_in_mkdocs_yml_is_judged_as_written(tmp_path):
    """No !ENV: the value in mkdocs.yml itself, a number there taken as its text."""
    project = copy_project(tmp_path / "kb")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("drafts: !ENV [KB_DRAFTS, false]", "drafts: sometimes"), encoding="utf-8"
    )
    output = _refused(project, front_end=run_mkdocs)
    assert "设置「包含草稿」（环境变量 KB_DRAFTS）只能是 true 或 false" in output
    assert "现在是「sometimes」" in output


def test_a_script_in_mkdocs_yml_refuses_the_pages_it_reaches(tmp_path):
    project = copy_project(tmp_path / "kb")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("copyright: ", "copyright: <script>alert(1)</script>", 1), encoding="utf-8"
    )
    output = _refused(project)
    assert "不是网站模板自带的内联脚本「alert(1)」" in output


def test_an_all_digit_application_id_is_text_as_written(tmp_path):
    project = copy_project(tmp_path / "kb")
    result = run_kb(project, "build", env=EDITOR | {"KB_CMS_APP_ID": "0123"})
    assert result.returncode == 0, result.stderr
    config = (project / "site/admin/config.yml").read_text(encoding="utf-8")
    assert "app_id: '0123'" in config
