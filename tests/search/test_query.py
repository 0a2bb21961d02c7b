"""How a query is read: generator/search/query.py (the pairs a piece is matched by) and
tests/search/query_model.py, the Python model of kb-search-query.js
(tests/site/test_search_browser.py compares the two on the built site's vocabulary)."""

import pytest

from generator.search.query import pairs
from tests.search.query_model import QueryVocabulary, correction, parse_query

WORDS = {
    "院坝": 3,
    "红色物业": 5,
    "红色通道": 2,
    "三会一课": 4,
    "业主大会": 2,
    "业委会": 2,
    "业主委员会": 1,
    "阵地群": 1,
    "微改造": 1,
    "矛盾": 0,
    "纠纷": 0,
}
PINYIN = {
    "院坝": "yuan ba",
    "红色物业": "hong se wu ye",
    "红色通道": "hong se tong dao",
    "三会一课": "san hui yi ke",
    "业主大会": "ye zhu da hui",
    "阵地群": "zhen di qun",
    "微改造": "wei gai zao",
}
VOCABULARY = QueryVocabulary(
    WORDS, [["业委会", "业主委员会"], ["矛盾", "纠纷"]], PINYIN, {ord("壩"): "坝", ord("會"): "会"}
)
READINGS = {
    "院": {"yuan"},
    "霸": {"ba"},
    "坝": {"ba"},
    "棵": {"ke"},
    "课": {"ke"},
    "改": {"gai"},
    "造": {"zao"},
    "包": {"bao"},
    "君": {"jun"},
}


def _pieces(text: str) -> list[tuple[str, bool, tuple[str, ...]]]:
    return [(p.text, p.known, p.alternatives) for p in parse_query(text, VOCABULARY).pieces]


def test_known_words_are_cut_out_and_question_words_dropped():
    assert _pieces("院坝怎么改造") == [("院坝", True, ()), ("改造", False, ())]
    assert _pieces("请问业主大会怎么召开？") == [("业主大会", True, ()), ("召开", False, ())]
    assert _pieces("什么是三会一课") == [("三会一课", True, ())]  # 是 alone is dropped


def test_synonyms_come_with_their_word_and_folding_comes_first():
    assert _pieces("业主委员会") == [("业主委员会", True, ("业委会",))]
    assert _pieces("物业矛盾") == [("物业", False, ()), ("矛盾", True, ("纠纷",))]
    assert _pieces("院壩") == [("院坝", True, ())]


def test_pinyin_in_full_or_initials_reads_as_a_known_word():
    for letters in ("hongsewuye", "hswy", "HSWY", "hong se wu ye"):
        query = parse_query(letters, VOCABULARY)
        assert query.spelled == "红色物业" and query.pieces[0].text == "红色物业"
    assert parse_query("hs", VOCABULARY).spelled == ""  # 红色物业? 红色通道? nothing spelled so
    assert _pieces("abc 2021") == [("abc", False, ()), ("2021", False, ())]


def test_pieces_are_matched_by_their_own_pairs():
    assert pairs("院坝改造") == ["院坝", "坝改", "改造"] and pairs("党") == ["党"]
    assert pairs("2021") == ["2021"]


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("院霸改造", "院坝改造"),  # sounds the same
        ("三会一棵", "三会一课"),
        ("红包物业", "红色物业"),  # one character off
        ("阵地君", "阵地群"),
    ],
)
def test_a_pair_no_page_has_is_corrected_to_a_known_word(typed, meant):
    known = {"院坝", "坝改", "改造", "三会", "会一", "一课", "红色", "色物", "物业", "阵地", "地群"}
    query = parse_query(typed, VOCABULARY)
    assert (
        correction(query, VOCABULARY, known.__contains__, lambda c: READINGS.get(c, set())) == meant
    )


def test_nothing_is_corrected_when_every_pair_is_known():
    query = parse_query("院坝改造", VOCABULARY)
    assert correction(query, VOCABULARY, lambda pair: True, lambda c: set()) is None
