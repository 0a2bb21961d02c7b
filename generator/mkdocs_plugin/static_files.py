"""MkDocs publishes only the files the generator has checked (``generator.sources.attachments``)."""

from __future__ import annotations

import os

from mkdocs.structure.files import File, Files

from generator.sources.attachments import Attachments


def keep_checked(files: Files, config, root: str, attachments: Attachments) -> None:
    """Drops every file from the docs folder or the theme overrides that the checks did not
    pass, and puts the rewritten drawings in place of the SVG files. Material's own files are
    the theme's, installed with it, and stay."""
    local = [os.path.abspath(config.docs_dir)]
    if config.theme.custom_dir:
        local.append(os.path.abspath(config.theme.custom_dir))
    for file in list(files):
        path = file.abs_src_path
        if file.generated_by or path is None or not any(_under(path, f) for f in local):
            continue
        source = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
        published = attachments.published(source)
        if published is not True:
            files.remove(file)
        if isinstance(published, bytes):
            files.append(File.generated(config, file.src_uri, content=published))


def _under(path: str, folder: str) -> bool:
    return os.path.abspath(path).startswith(folder + os.sep)
