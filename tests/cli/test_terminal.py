"""generator/cli/terminal.py: MkDocs' log as short Chinese lines; English only with -v."""

from generator.cli.terminal import LogRelay

BUILD = """\
INFO    -  Building documentation...
INFO    -  Cleaning site directory
INFO    -  generator: 内容检查通过：5 个案例、14 个工作法。
INFO    -  Building documentation to directory: /tmp/site.kb-staging
INFO    -  generator: 共生成 51 个页面。
INFO    -  Documentation built in 0.97 seconds
INFO    -  [01:02:03] Serving on http://127.0.0.1:8000/
"""
FAILED = """\
ERROR   -  内容检查未通过，网站没有生成：
cases/a.yml:4:3: location.street: 「护国街」不在街道列表中。
共发现 1 个错误、0 个警告。

Aborted with a BuildError!
"""


def _relay(text: str, verbose: bool = False):
    shown, served = [], []
    relay = LogRelay(shown.append, verbose, served.append)
    for line in text.splitlines(keepends=True):
        relay.line(line)
    return relay, shown, served


def test_a_build_reads_as_chinese_and_says_where_to_look():
    relay, shown, served = _relay(BUILD)
    assert shown == [
        "正在生成网站……",
        "内容检查通过：5 个案例、14 个工作法。",
        "共生成 51 个页面。",
        "网站已生成（用时 0.97 秒）。",
    ]
    assert served == ["http://127.0.0.1:8000/"]
    assert not relay.reported


def test_a_failure_shows_every_problem_without_english():
    relay, shown, _ = _relay(FAILED)
    assert shown == [
        "内容检查未通过，网站没有生成：",
        "cases/a.yml:4:3: location.street: 「护国街」不在街道列表中。",
        "共发现 1 个错误、0 个警告。",
    ]
    assert relay.reported


def test_a_preview_with_problems_says_the_pages_show_them():
    text = (
        "INFO    -  Building documentation...\n内容检查未通过：\n"
        "cases/a.yml:1:1: id: 说明\nINFO    -  Documentation built in 0.50 seconds\n"
    )
    _, shown, _ = _relay(text)
    assert shown[-1] == "预览页面现在显示问题清单（用时 0.50 秒）：改好文件后会自动恢复。"
    text += "INFO    -  Detected file changes\nINFO    -  Documentation built in 0.40 seconds\n"
    assert _relay(text)[1][-1] == "网站已生成（用时 0.40 秒）。"


def test_english_and_tracebacks_are_held_back_unless_verbose():
    text = 'INFO    -  Some English line\nTraceback (most recent call last):\n  File "x"\n'
    relay, shown, _ = _relay(text)
    assert shown == [] and len(relay.held) == 3
    _, shown, _ = _relay(text, verbose=True)
    assert shown == text.splitlines()


def test_a_port_in_use_is_explained():
    relay, _, _ = _relay("OSError: [Errno 98] Address already in use\n")
    assert "端口 8000 已被其他程序占用" in relay.explain_failure("8000")
    assert "kb serve --port 8001" in relay.explain_failure("8000")


def test_a_bad_setting_shows_only_its_chinese_message():
    _, shown, _ = _relay(
        "ERROR   -  Config value 'plugins': Plugin 'kb' option 'cms': Sub-option 'review': "
        "设置「审核」（环境变量 KB_CMS_REVIEW）只能是 true 或 false。\n"
        "\nAborted with a configuration error!\n"
    )
    assert shown == ["设置「审核」（环境变量 KB_CMS_REVIEW）只能是 true 或 false。"]
