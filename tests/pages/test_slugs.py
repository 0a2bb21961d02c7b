from generator.pages.slugs import slugify


def test_chinese_headings_keep_their_words_and_drop_punctuation():
    assert slugify("拓宽“红色通道”") == "拓宽红色通道"
    assert slugify("双向培养、交叉任职") == "双向培养交叉任职"
    assert slugify("Hello World") == "hello-world"


def test_ids_never_start_with_an_underscore_or_come_out_empty():
    assert slugify("__config") == "config"
    assert slugify("——") == "section"


def test_full_width_forms_fold_to_ascii():
    assert slugify("５项权力") == "5项权力"
