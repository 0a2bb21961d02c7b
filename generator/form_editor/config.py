"""The form editor's configuration (``/admin/config.yml``): one collection per kind of content,
its fields made from the models (:mod:`generator.form_editor.fields`), and where it saves —
the project's GitLab or GitHub repository, or, in ``kb serve``, the working tree."""

from __future__ import annotations

from typing import Any

import yaml

from generator.form_editor.fields import form_fields
from generator.form_editor.files import MEDIA_FOLDER
from generator.form_editor.local import API_SUFFIX
from generator.model import KINDS, Vocabularies
from generator.model.settings import EditorSettings
from generator.publish.schema import SCHEMA_MODELS, build_schema

# every kind an editor adds through the form: (collection, label, folder, file format, kind)
COLLECTIONS = [
    (kind.folder, kind.label, kind.source, kind.suffix.lstrip("."), kind.name)
    for kind in KINDS
    if kind.form_editor
]
_BULK = {kind.folder for kind in KINDS if kind.bulk}


def backend_config(settings: EditorSettings | None, base_path: str = "/") -> dict:
    """Decap's ``backend`` and ``publish_mode``; ``None`` means the local preview backend,
    answering under the site's path (``base_path``, the path of its address)."""
    if settings is None:
        url = base_path.rstrip("/") + API_SUFFIX
        return {"backend": {"name": "proxy", "proxy_url": url, "branch": "main"}}
    backend = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch}
    base = settings.base_url.rstrip("/")
    if settings.backend == "gitlab":
        backend |= {
            "auth_type": "pkce",
            "app_id": settings.app_id,
            "base_url": base,
            "api_root": f"{base}/api/v4",
            "auth_endpoint": "oauth/authorize",
        }
    else:  # GitHub's sign-in needs a small OAuth service; base_url is its address
        backend |= {"base_url": base, "auth_endpoint": "auth"}
    review = {"publish_mode": "editorial_workflow"} if settings.review else {}
    return {"backend": backend} | review


def collections(vocabularies: Vocabularies) -> list[dict]:
    found = []
    for name, label, folder, extension, kind in COLLECTIONS:
        schema = build_schema(SCHEMA_MODELS[kind], vocabularies)
        collection: dict[str, Any] = {
            "name": name,
            "label": label,
            "label_singular": label,
            "folder": folder,
            "extension": extension,
            "format": "frontmatter" if extension == "md" else "yml",
            "create": True,
            "identifier_field": "id",
            "slug": "{{fields.id}}",
            "summary": "{{title}}",
            "sortable_fields": ["title"],
            "fields": form_fields(schema),
        }
        if name in _BULK:  # browsed by (street) folder; new files are saved as cases/<id>.yml
            collection["nested"] = {"depth": 2, "subfolders": False, "summary": "{{title}}"}
        found.append(collection)
    found.append(_glossary(vocabularies))
    return found


def _glossary(vocabularies: Vocabularies) -> dict:
    schema = build_schema(SCHEMA_MODELS["glossary"], vocabularies)
    return {
        "name": "glossary",
        "label": "术语表",
        "files": [
            {
                "name": "glossary",
                "label": "术语表",
                "file": "content/glossary.yml",
                "fields": form_fields(schema),
            }
        ],
    }


def render_config(
    vocabularies: Vocabularies,
    settings: EditorSettings | None,
    base_path: str = "/",
    site_name: str = "",
) -> str:
    """``config.yml`` for Decap CMS, the same text for the same inputs."""
    config = {
        "locale": "zh_Hans",
        **backend_config(settings, base_path),
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/assets/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "site_url": base_path,
        "display_url": site_name,
        "collections": collections(vocabularies),
    }
    return "# Made by kb from the content models; edits here are overwritten.\n" + yaml.dump(
        config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100
    )


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out again: Decap does not read YAML anchors everywhere."""

    def ignore_aliases(self, data) -> bool:
        return True
