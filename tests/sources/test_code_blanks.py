"""generator/sources/code_blanks.py: code blanked out, every line and column kept."""

from generator.sources.code_blanks import without_code


def test_code_is_blanked_keeping_every_line_and_column():
    assert without_code("a `x` b ``y`` ` c") == "a     b       ` c"
    assert without_code("x\n```\ncode\n```\ny") == "x\n   \n    \n   \ny"
    assert without_code("```\nnever closed {: .a}") == "```\nnever closed {: .a}"
    assert without_code("~~~~\n~~~\n~~~~ \nz") == "    \n   \n     \nz"
    assert without_code("```\n```python\n```\nz") == "   \n         \n   \nz"
