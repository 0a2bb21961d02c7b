"""Where the form editor saves: the installation's GitLab (sign-in by PKCE, changes as merge
requests) or GitHub, or, in kb serve, the working tree."""

from __future__ import annotations

import yaml

from generator.form_editor.config import EditorSettings, backend_config, render_config
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies
from tests.conftest import REPO

GITLAB = EditorSettings("gitlab", "dangjian/kb", "main", "https://git.example.cn/", "abc123")


def test_gitlab_signs_in_without_an_auth_server_and_saves_through_merge_requests():
    assert backend_config(GITLAB) == {
        "backend": {
            "name": "gitlab",
            "repo": "dangjian/kb",
            "branch": "main",
            "auth_type": "pkce",
            "app_id": "abc123",
            "base_url": "https://git.example.cn",
            "api_root": "https://git.example.cn/api/v4",
            "auth_endpoint": "oauth/authorize",
        },
        "publish_mode": "editorial_workflow",
    }


def test_without_review_changes_go_straight_to_the_branch():
    settings = EditorSettings("gitlab", "a/b", "main", "https://g.cn", "x", review=False)
    assert "publish_mode" not in backend_config(settings)


def test_github_names_its_sign_in_service():
    settings = EditorSettings("github", "owner/kb", "main", "https://auth.example.cn")
    assert backend_config(settings)["backend"] == {
        "name": "github",
        "repo": "owner/kb",
        "branch": "main",
        "base_url": "https://auth.example.cn",
        "auth_endpoint": "auth",
    }


def test_what_a_published_editor_still_needs():
    assert EditorSettings().missing() == ["repo", "base_url", "app_id"]
    assert GITLAB.missing() == []
    assert EditorSettings("github", "o/n", "main", "https://a.cn").missing() == []


def test_the_preview_saves_through_its_own_server_under_the_sites_path():
    assert backend_config(None)["backend"]["proxy_url"] == "/admin/api/v1"
    assert backend_config(None, "/kb/")["backend"]["proxy_url"] == "/kb/admin/api/v1"


def test_the_configuration_is_chinese_plain_yaml_and_the_same_every_time():
    vocabularies = load_vocabularies(ProjectPaths(REPO), ProblemList())
    text = render_config(vocabularies, GITLAB, "/", "居民小区党建知识库")
    assert text == render_config(vocabularies, GITLAB, "/", "居民小区党建知识库")
    assert "&id" not in text and "*id" not in text  # no anchors
    config = yaml.safe_load(text)
    assert config["locale"] == "zh_Hans"
    assert config["display_url"] == "居民小区党建知识库"
    assert [c["label"] for c in config["collections"]] == [
        "案例",
        "工作法",
        "政策文件",
        "清单",
        "培训模块",
        "术语表",
    ]
    cases = config["collections"][0]
    assert (cases["folder"], cases["slug"], cases["nested"]["depth"]) == (
        "cases",
        "{{fields.id}}",
        2,
    )
