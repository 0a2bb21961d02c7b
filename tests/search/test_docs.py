from generator.pages.markdown_html import MarkdownRenderer
from generator.pages.site_urls import SiteUrls
from generator.publish.pipeline import build_site, load_library
from generator.search.docs import SearchDocs
from tests.conftest import REPO
from tests.helpers import case_yaml, make_project


def _docs(library):
    return SearchDocs(library, SiteUrls(), MarkdownRenderer())


def test_every_page_a_reader_reads_is_a_document_once():
    site = build_site(REPO).site
    docs = site.other_docs
    assert {d.kind for d in docs} == {
        "工作法",
        "政策文件",
        "清单",
        "指南",
        "培训模块",
        "讲义",
        "首页",
        "原文",
        "术语表",
        "数说",
        "栏目",
        "街道",
        "术语",
        "数字",
    }
    urls = [d.url for d in docs if d.parent is None]
    assert len(urls) == len(set(urls))  # each page once; terms and numbers are parts of theirs
    assert {
        "",
        "article/",
        "figures/",
        "glossary/",
        "cases/",
        "cases/streets/huguo/",
        "training/party-led-property/handout/",
    } <= set(urls)
    assert "changes/" not in urls  # a list of edits answers no reader's question


def test_terms_and_numbers_belong_to_their_page():
    library = load_library(REPO).library
    docs = _docs(library)
    terms, figures = list(docs.glossary()), list(docs.figures())
    assert len(terms) == len(library.glossary.terms)
    assert terms[0].url.startswith("glossary/#") and terms[0].parent == ("glossary/", "术语表")
    [number] = [f for f in figures if f.title.startswith("76个")]
    assert number.parent == ("figures/", "数说") and "76个社区" in number.passage


def test_guides_and_lists_weigh_less_than_content():
    docs = build_site(REPO).site.other_docs
    weight = {d.url: d.boost for d in docs}
    assert weight["guides/editors/"] < weight["practices/red-channel/"]
    assert weight["practices/"] < weight["practices/red-channel/"]
    [module] = [d for d in docs if d.url == "training/party-led-property/"]
    assert all(len(tag) < 20 for tag in module.tags)  # the audience is a sentence, not a tag


def test_a_case_document_has_its_places_practices_and_text():
    library = load_library(REPO).library
    doc = _docs(library).case(library.get("case", "zhiguo-lane-courtyard"))
    assert doc.url == "cases/zhiguo-lane-courtyard/" and doc.kind == "案例"
    assert {"护国街道", "院坝", "同心圆"} <= set(doc.tags)
    assert "筹资筹劳" in doc.fields[-1][0] and doc.snippet.startswith("护国街道")


def test_markdown_is_indexed_as_words(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml(
                "a", extra="background: 见**加粗**和[链接](https://example.org)。\n"
            )
        },
    )
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
