"""generator/model/settings_check.py: the site's address and the form editor's settings
reach pages and policies, so only plain addresses and names pass."""

import pytest

from generator.model.settings_check import editor_problems, text_problem, url_problem


@pytest.mark.parametrize(
    "value",
    [
        "",
        None,
        "https://dangjian.gitlab.io/kb/",
        "http://127.0.0.1:8000/",
        "https://x.cn",
        "https://gitlab.example.cn/group/kb/",
        "https://[::1]:8080/",
    ],
)
def test_plain_addresses_pass(value):
    assert url_problem(value) is None


@pytest.mark.parametrize(
    "value",
    [
        'https://x/kb/"><script>alert(1)</script>',
        "https://x/kb/ ",
        "https://x/\n",
        "javascript:alert(1)",
        "ftp://x/",
        "https://x; connect-src *",
        "https://x/'a'",
        "https://x/a<b",
        "//x/kb/",
        "https:///kb/",
        "https://x/?a=1",
        "https://x/#a",
    ],
)
def test_anything_that_could_leave_an_attribute_or_a_directive_is_refused(value):
    message = url_problem(value)
    assert message is not None and "KB_SITE_URL" in message and "不能使用" in message


def test_the_message_shows_the_value_without_its_invisible_characters():
    message = url_problem("https://x/\x1b[31m" + "a" * 100)
    assert "\x1b" not in message and "…" in message


def test_form_editor_settings_name_their_variables():
    found = editor_problems(
        {"base_url": "https://x; connect-src *", "repo": "a b", "branch": "main", "app_id": "12'3"}
    )
    assert [p.split("（")[1].split(" ")[1] for p in found] == [
        "KB_CMS_BASE_URL",
        "KB_CMS_REPO",
        "KB_CMS_APP_ID",
    ]
    assert (
        editor_problems(
            {
                "base_url": "https://gitlab.example.cn",
                "repo": "dangjian/kb",
                "branch": "main",
                "app_id": "0123",
            }
        )
        == []
    )
    assert text_problem("branch", "") is None
