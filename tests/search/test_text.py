from collections import Counter

from generator.search.text import DomainTerms, fold_table, normalise, shard_of, terms


def test_chinese_is_indexed_as_character_pairs_and_latin_runs_whole():
    assert terms("院坝改造 ABC 2021年") == Counter(
        {"院坝": 1, "坝改": 1, "改造": 1, "abc": 1, "2021": 1}
    )
    assert terms("院坝院坝")["院坝"] == 2


def test_single_characters_only_where_asked_for():
    assert "党" not in terms("党")
    assert terms("党建", single_characters=True)["党"] == 1


def test_full_width_and_case_are_folded():
    assert normalise("ＡＢＣ１２３") == "abc123"


def test_traditional_characters_are_folded_with_opencc_table():
    assert normalise("紅色物業 三會一課 院壩") == "红色物业 三会一课 院坝"
    assert len(fold_table()) > 2_000 and fold_table()[ord("黨")] == "党"
    assert normalise("黨", fold={}) == "黨"  # a smaller table folds only what it has


def test_domain_terms_longer_than_a_pair_are_found_whole():
    domain = DomainTerms(["红色物业", "院坝", "三会一课"])
    assert domain.words == ["三会一课", "红色物业"]  # a two-character term is a pair already
    text = "加强红色物业建设，落实三会一课；红色物业"
    assert domain.find(text, terms(text)) == Counter({"红色物业": 2, "三会一课": 1})


def test_shards_are_spread_and_stable():
    text = "近年来云南省昆明市五华区大力加强居民小区党建工作"
    shards = Counter(shard_of(t, 64) for t in terms(text))
    assert len(shards) > 10


def test_the_shard_hash_is_fnv_1a_as_the_browser_computes_it():
    """kb-search.js computes the same numbers; these pin them without a browser."""
    assert [shard_of(t, 2**32) for t in ("", "a", "院坝", "2021")] == [
        0x811C9DC5,
        0xE40C292C,
        0x05D321A8,
        0x45294572,
    ]  # "a": the published FNV-1a value
    assert shard_of("院坝", 64) == 0x05D321A8 & 63 == 40


def test_where_chinese_begins_in_the_code_table():
    """U+3400, the first CJK character, is Chinese; what comes before it is not."""
    assert terms("㐀㐁") == Counter({"㐀㐁": 1})
    assert terms("㐀㐁", single_characters=True) == Counter({"㐀㐁": 1, "㐀": 1, "㐁": 1})
    assert terms("abc 2021", single_characters=True) == Counter({"abc": 1, "2021": 1})


def test_domain_terms_of_three_characters_or_more_are_kept():
    assert DomainTerms(["双报到", "院坝", "红色物业"]).words == ["双报到", "红色物业"]
