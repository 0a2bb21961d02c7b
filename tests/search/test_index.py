import json

from generator.search.index import (
    ALPHABET,
    CHUNK,
    Postings,
    SearchDoc,
    doc_row,
    doc_weights,
    encode,
    index_files,
)
from generator.search.query import Vocabulary
from generator.search.text import DomainTerms, shard_of
from tests.search.query_model import QueryVocabulary


def decode(text: str) -> tuple[list[int], list[int]]:
    """The browser's decoder (kb-search.js), in Python."""
    ids, weights, previous, number, shift = [], [], -1, 0, 0
    for character in text:
        digit = ALPHABET.index(character)
        number += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        previous += number // 32 + 1
        ids.append(previous)
        weights.append(number % 32)
        number = shift = 0
    return ids, weights


def test_postings_encode_and_decode():
    ids, weights = [0, 3, 4, 1000, 70000], [1, 31, 7, 15, 2]
    assert decode(encode(ids, weights)) == (ids, weights)
    assert len(encode([0, 1, 2], [1, 1, 1])) == 3  # a close document costs one character


def _doc(title: str, body: str) -> SearchDoc:
    return SearchDoc(f"{title}/", title, "案例", "", [], [(title, 8, True), (body, 1, False)])


def test_titles_weigh_more_than_passing_mentions():
    weights = doc_weights(_doc("院坝改造", "小区里也提到院坝。"), DomainTerms([]))
    assert weights["院坝"] > weights["提到"] >= 1 and max(weights.values()) <= 31


def test_replacing_a_document_equals_indexing_it_so_from_the_start():
    domain = DomainTerms([])
    before = [doc_weights(_doc(t, "正文"), domain) for t in ("院坝改造", "加装电梯", "红色物业")]
    after = list(before)
    after[1] = doc_weights(_doc("院坝停车", "新的正文"), domain)
    updated, fresh = Postings(), Postings()
    for doc_id, weights in enumerate(before):
        updated.add(doc_id, weights)
    updated.encoded()
    updated.replace(1, updated.weights_of(1), after[1])
    for doc_id, weights in enumerate(after):
        fresh.add(doc_id, weights)
    assert updated.encoded() == fresh.encoded()
    assert "加装" not in updated.encoded()


def test_files_are_shards_chunks_a_manifest_and_materials_stub():
    postings = Postings()
    docs = [_doc(f"标题{n}", "院坝改造的做法") for n in range(40)]
    for doc_id, doc in enumerate(docs):
        postings.add(doc_id, doc_weights(doc, DomainTerms([])), f"正文{doc_id}")
    vocabulary = Vocabulary(
        {"红色物业": 3}, [["矛盾", "纠纷"]], {"红色物业": "hong se wu ye"}, {ord("業"): "业"}
    )
    files = index_files([doc_row(d) for d in docs], postings, vocabulary, {"ba": "坝霸"})
    manifest = json.loads(files["search/manifest.js"][len("kbSearch.manifest(") : -3])
    assert manifest["docs"] == 40 and manifest["chunk"] == CHUNK
    assert manifest["words"] == {"红色物业": 3} and manifest["fold"] == "業业"
    assert manifest["synonyms"] == [["矛盾", "纠纷"]] and "怎么" in manifest["stop"]
    assert QueryVocabulary.from_manifest(manifest).fold == vocabulary.fold
    assert files["search/readings.js"] == 'kbSearch.readings({"ba":"坝霸"});\n'
    assert '"正文9"' in files["search/p/1.js"]
    shard = files[f"search/t/{shard_of('院坝', manifest['shards'])}.js"]
    assert '"院坝":' in shard
    assert len([f for f in files if f.startswith("search/d/")]) == -(-40 // CHUNK)
    assert json.loads(files["search/search_index.json"])["docs"] == []
