"""Search as a branch secretary uses it on a phone: Chinese phrases, few bytes, any page.

Material's search box and result list, driven by the kb worker over the split index
(generator/search/index.py, site_config/docs/assets/javascripts/kb-search.js).
"""

import gzip
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.search.index import ALPHABET, encode
from generator.search.query import pairs
from generator.search.text import shard_of
from tests.conftest import REPO, copy_project, run_mkdocs, serve_folder
from tests.search.query_model import QueryVocabulary, correction, parse_query, reader_of

pytestmark = pytest.mark.browser
WORKER = REPO / "site_config/docs/assets/javascripts/kb-search.js"


def search(page, url: str, query: str) -> list[dict]:
    """Types ``query`` into Material's search box; each result's titles and tags."""
    page.goto(url)
    page.click("label[for=__search]")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material's search reacts to keyup
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.evaluate("""() => [...document.querySelectorAll(".md-search-result__item")]
      .map(item => ({
        title: item.querySelector("h1").innerText.replaceAll("\\u200b", "").trim(),
        sections: [...item.querySelectorAll("h2")].map(h => h.innerText.trim()),
        tags: [...item.querySelectorAll(".md-tag")].map(t => t.innerText.trim()),
      }))""")


def top(results: list[dict], n: int = 5) -> list[str]:
    return [" / ".join([r["title"], *r["sections"]]) for r in results[:n]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("院坝改造", "致果巷2号及5号院坝微改造"),
        ("红色物业队伍", "西站社区45号院党支部“红色物业”队伍建设"),
        ("业主大会协商", "三合营社区第一居民党支部加强对协商工作的领导"),
        ("主题党日", "术语表 / 主题党日"),
        ("主题党日轮值制", "术语表 / 主题党日“轮值制”"),
        ("主题党日", "注重“瘦身”减负"),
        ("三会一课", "术语表 / 三会一课"),
        ("院坝", "致果巷2号及5号院坝微改造"),
        ("红色物业", "西站社区45号院党支部“红色物业”队伍建设"),
        ("五个方面", "基本组织、基本队伍、基本服务、基本活动、基本保障五个方面"),
        ("网格治理", "五华区党建引领网格治理“以诉为哨、接诉即办、未诉先办”工作方案"),
    ],
)
def test_chinese_queries_find_the_expected_page_in_the_top_five(phone, site_url, query, expected):
    assert any(found.startswith(expected) for found in top(search(phone, site_url, query)))
    assert phone.foreign_requests == []


def test_phrases_rank_the_page_about_them_first(phone, site_url):
    assert top(search(phone, site_url, "院坝改造"), 1) == ["致果巷2号及5号院坝微改造"]
    assert top(search(phone, site_url, "红色物业队伍"), 1) == [
        "西站社区45号院党支部“红色物业”队伍建设"
    ]


def test_results_show_their_kind(phone, site_url):
    kinds = {r["tags"][0] for r in search(phone, site_url, "红色")}
    assert {"案例", "工作法", "术语表"} <= kinds  # the terms found come under their page


def test_a_result_opens_its_page(phone, site_url):
    search(phone, site_url, "院坝改造")
    phone.locator(".md-search-result__link").first.click()
    phone.wait_for_load_state("load")
    assert urlsplit(phone.url).path.endswith("/cases/zhiguo-lane-courtyard/")


def test_nothing_of_the_index_is_loaded_until_the_reader_types(phone, site_url, built_site):
    requested = []
    phone.on("request", lambda r: requested.append(urlsplit(r.url).path))
    phone.goto(site_url + "practices/red-channel/")
    phone.wait_for_load_state("networkidle")
    loaded = [p for p in requested if "/search/" in p]
    assert loaded == ["/search/search_index.json"]  # Material's stub: a few bytes
    assert (built_site / "search/search_index.json").stat().st_size < 300
    search(phone, site_url, "院坝")
    assert any("/search/t/" in p for p in requested) and "/search/manifest.js" in requested


def test_a_query_on_2000_cases_downloads_less_than_300_kb(phone, generated_site):
    case = (generated_site.parent / "cases/zz-synthetic/synthetic-00017.yml").read_text("utf-8")
    title = case.split("title: ", 1)[1].split("\n", 1)[0]
    with serve_folder(generated_site) as url:
        for query in ("院坝改造", "红色物业队伍", "业主大会协商", "党建", title):
            context = phone.context.browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            requested = []
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.on("request", lambda r, found=requested: found.append(r.url))
            results = search(page, url, query)
            page.wait_for_load_state("networkidle")
            sent = sum(_gzip_size(generated_site, u) for u in requested)
            assert sent < 300 * 1024, (query, sent)
            if query == title:  # a whole title finds its case first
                assert top(results, 1) == [title]
            context.close()


def _gzip_size(site: Path, url: str) -> int:
    path = site / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes())) if path.is_file() else 0


def test_drafts_are_never_in_the_public_index(phone, tmp_path):
    root = copy_project(tmp_path)
    (root / "cases/huashan/draft.yml").write_text(
        "id: secret-draft\ntitle: 尚未发布的草稿案例\nstatus: draft\nlocation:\n"
        "  street: 华山街道\nsummary: 这是草稿，不应出现在搜索中。\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert run_mkdocs(root, "build", "--strict", "--site-dir", str(site)).returncode == 0
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search").rglob("*.js"))
    assert "secret-draft" not in index and "草稿案例" not in index
    with serve_folder(site) as url:
        phone.goto(url)
        phone.click("label[for=__search]")
        phone.fill("input.md-search__input", "草稿案例")
        phone.keyboard.press("End")
        phone.wait_for_selector(".md-search-result__meta:not(:empty)", timeout=15_000)
        phone.wait_for_timeout(500)
        assert "尚未发布" not in phone.locator(".md-search-result").inner_text()


def test_search_works_from_a_folder_opened_from_disk(phone, disk_site):
    results = search(phone, (disk_site / "index.html").as_uri(), "院坝改造")
    assert top(results, 1) == ["致果巷2号及5号院坝微改造"]
    phone.locator(".md-search-result__link").first.click()
    phone.wait_for_load_state("load")
    assert phone.url.split("?")[0].endswith("/cases/zhiguo-lane-courtyard.html")
    assert phone.foreign_requests == []


QUERIES = [
    "院坝改造",
    "院坝怎么改造",
    "请问业主大会怎么召开？",
    "紅色物業　三會一課",
    "hswy",
    "hongsewuye",
    "hong se wu ye",
    "45号院的Ａ栋 2021年",
    "党",
    "ＡＢＣ abc 123",
    "兴华街71号“黑气点”",
    "㐀㐁 豈更",
    "院坝院坝",
    "业主委员会",
    "小区党支部的经费从哪里来",
    "76个社区",
    "5项权力",
    "院霸改造",
    "红包物业",
    "三会一棵",
    "主体党日",
    "阵地君",
    "",
]


def _script_data(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@pytest.fixture
def bare_page(browser):
    """A page that runs the worker's code directly: the site's policy would block it."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_worker_reads_queries_as_its_python_model_does(bare_page, site_url, built_site):
    """kb-search-query.js and its Python model (tests/search/query_model.py), on the built
    site's vocabulary: the same pieces, the same shards for their pairs, the same corrections
    of typos."""
    manifest = _script_data(built_site / "search/manifest.js")
    table = _script_data(built_site / "search/readings.js")
    known = _index_terms(built_site)
    vocabulary = QueryVocabulary.from_manifest(manifest)
    page = bare_page
    page.goto(site_url)
    page.add_script_tag(
        content=(REPO / "site_config/docs/assets/javascripts/kb-search-query.js").read_text("utf-8")
    )
    page.add_script_tag(content="var importScripts = () => {};\n" + WORKER.read_text("utf-8"))
    got = page.evaluate(
        """([manifest, table, known, queries]) => {
      const vocabulary = new kbQuery.Vocabulary(manifest), terms = new Set(known);
      const readings = kbQuery.readerOf(table);
      return queries.map(text => {
        const query = kbQuery.parse(text, vocabulary);
        return [query, query.pieces.flatMap(p => kbQuery.pairs(p.text).map(x => shardOf(x, 256))),
                kbQuery.correction(query, vocabulary, pair => terms.has(pair), readings)];
      });
    }""",
        [manifest, table, sorted(known), QUERIES],
    )
    readings = reader_of(table)
    for text, (js_query, js_shards, js_fixed) in zip(QUERIES, got, strict=True):
        query = parse_query(text, vocabulary)
        assert js_query["text"] == query.text and js_query["spelled"] == query.spelled, text
        assert js_query["pieces"] == [
            {
                "text": p.text,
                "start": p.start,
                "known": p.known,
                "alternatives": list(p.alternatives),
            }
            for p in query.pieces
        ], text
        assert js_shards == [shard_of(x, 256) for p in query.pieces for x in pairs(p.text)]
        assert js_fixed == correction(query, vocabulary, known.__contains__, readings), text


def _index_terms(site: Path) -> set[str]:
    """Every term the built index has postings for."""
    terms: set[str] = set()
    for shard in (site / "search/t").glob("*.js"):
        text = shard.read_text(encoding="utf-8")
        terms.update(json.loads(f"[{text[text.index('(') + 1 : text.rindex(')')]}]")[1])
    return terms


def test_the_worker_decodes_what_the_generator_encodes(bare_page, site_url):
    phone = bare_page
    ids, weights = [0, 1, 5, 6, 2000, 40000], [3, 31, 1, 12, 7, 30]
    text = encode(ids, weights)
    assert set(text) <= set(ALPHABET)
    phone.goto(site_url)
    phone.add_script_tag(content="var importScripts = () => {};\n" + WORKER.read_text("utf-8"))
    decoded = phone.evaluate(
        """(t) => { const found = [];
        forEachPosting(t, (id, weight) => found.push([id, weight])); return found; }""",
        text,
    )
    assert decoded == [list(pair) for pair in zip(ids, weights, strict=True)]
    assert json.dumps(text) == f'"{text}"'  # safe inside the JSON of a shard
