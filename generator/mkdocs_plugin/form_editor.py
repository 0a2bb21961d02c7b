"""Puts the form editor at /admin/ (``generator/form_editor/``): with the repository's
settings in a build, with the local backend (saving into the working tree) in kb serve."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.form_editor.admin import admin_files
from generator.form_editor.local import with_local_backend
from generator.form_editor.vendor import VendoredFiles, VendorError, decap_files
from generator.model.settings import EditorSettings, Settings
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies

NOT_SET = (
    "网站不含表单编辑器（/admin/）：mkdocs.yml 的 kb › cms 还缺 {missing}"
    "（或环境变量 KB_CMS_*，见使用指南 › 表单编辑指南）。"
)


@cache
def _vendored(cache_dir: Path, tarball: Path | None, registry: str) -> VendoredFiles:
    return decap_files(cache_dir, tarball, registry)


def add_form_editor(
    files: Files, config: MkDocsConfig, run: Settings, paths: ProjectPaths, serving: bool, log
) -> None:
    settings: EditorSettings | None = run.editor
    if serving:
        settings = None  # kb serve: the form saves into this working tree
    elif settings is not None and settings.missing():
        log.info(NOT_SET.format(missing="、".join(settings.missing())))
        return
    vocabularies = load_vocabularies(paths, ProblemList())
    if vocabularies is None:
        return  # the content check reports why
    try:
        vendored = _vendored(run.cache_dir, run.decap_tarball, run.npm_registry)
    except VendorError as error:
        if not serving:
            raise PluginError(f"表单编辑器没有生成，网站也没有更新：{error}") from error
        print(f"本次预览没有表单编辑器：{error}", file=sys.stderr)
        return
    base_path = urlsplit(config.site_url or "").path or "/"
    made = admin_files(
        vendored, vocabularies, settings, config.site_name, paths.site_config, base_path
    )
    for path, content in made.items():
        files.append(File.generated(config, path, content=content))


def serve_local_backend(server, paths: ProjectPaths) -> None:
    """The preview server answers the editor's requests for files (from this machine only)."""
    server.set_app(with_local_backend(server.get_app(), paths.root))
