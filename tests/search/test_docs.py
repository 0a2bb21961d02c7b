from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.pipeline import load_library
from generator.search.docs import SearchDocs
from tests.conftest import REPO
from tests.helpers import case_yaml, make_project


def _docs(library):
    return SearchDocs(library, SiteUrls(), MarkdownRenderer())


def test_every_kind_of_page_and_every_glossary_term_is_a_document():
    library = load_library(REPO).library
    docs = list(_docs(library).all())
    kinds = {d.kind for d in docs}
    assert kinds == {"工作法", "政策文件", "清单", "指南", "培训模块", "术语"}
    terms = [d for d in docs if d.kind == "术语"]
    assert len(terms) == len(library.glossary.terms)
    assert terms[0].url.startswith("glossary/#") and terms[0].parent == ("glossary/", "术语表")


def test_a_case_document_has_its_places_practices_and_text():
    library = load_library(REPO).library
    doc = _docs(library).case(library.get("case", "zhiguo-lane-courtyard"))
    assert doc.url == "cases/zhiguo-lane-courtyard/" and doc.kind == "案例"
    assert {"护国街道", "院坝", "同心圆"} <= set(doc.tags)
    assert "筹资筹劳" in doc.fields[-1][0] and doc.snippet.startswith("护国街道")


def test_markdown_is_indexed_as_words(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml(
        "a", extra="background: 见**加粗**和[链接](https://example.org)。\n")})
    library = load_library(root).library
    body = _docs(library).case(library.get("case", "a")).fields[-1][0]
    assert "加粗" in body and "链接" in body and "**" not in body and "https" not in body


def test_a_training_module_is_found_without_its_teaching_notes():
    library = load_library(REPO).library
    module = library.get("training", "branch-standardization")
    doc = _docs(library).record(module)
    text = " ".join(text for text, _, _ in doc.fields)
    assert module.title in text and module.objectives[0] in text
    for session in module.sessions:
        notes = session.teaching_notes
        if notes:
            assert notes.analysis[:20] not in text
            assert all(point[:20] not in text for point in notes.key_points)
