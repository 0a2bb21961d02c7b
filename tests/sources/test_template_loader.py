"""generator/sources/template_loader.py: a repository template reached through a link is
never used; the theme's own template of that name is, or none."""

import os

import jinja2
import pytest

from generator.sources.template_loader import no_link_loader


def test_a_linked_override_is_passed_over_for_the_themes_own(tmp_path):
    repo, theme = tmp_path / "repo", tmp_path / "theme"
    overrides = repo / "site_config/overrides"
    overrides.mkdir(parents=True)
    theme.mkdir()
    (repo / ".git").mkdir()
    (repo / ".git/config").write_text("token", encoding="utf-8")
    (theme / "footer.html").write_text("theme footer", encoding="utf-8")
    (theme / "main.html").write_text("theme main", encoding="utf-8")
    (overrides / "main.html").write_text("our main", encoding="utf-8")
    os.symlink("../../.git/config", overrides / "footer.html")
    os.symlink("../../.git/config", overrides / "only-here.html")
    env = jinja2.Environment(loader=no_link_loader([overrides, theme], repo))
    assert env.get_template("footer.html").render() == "theme footer"
    assert env.get_template("main.html").render() == "our main"
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("only-here.html")


def test_a_linked_templates_folder_is_not_read(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/page.md.j2").write_text("x", encoding="utf-8")
    (tmp_path / "site_config").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "site_config/templates")
    env = jinja2.Environment(loader=no_link_loader(tmp_path / "site_config/templates"))
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("page.md.j2")
