import pytest

from generator.publish.writer import write_pages


def test_pages_replace_the_old_tree_entirely(tmp_path):
    out = tmp_path / "out"
    write_pages({"old.md": "旧"}, out)
    write_pages({"a/b.md": "新"}, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == ["a/b.md"]
    assert (out / "a/b.md").read_text(encoding="utf-8") == "新"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_write_keeps_the_previous_output(tmp_path):
    out = tmp_path / "out"
    write_pages({"keep.md": "旧"}, out)

    class Broken(dict):
        def items(self):
            yield "ok.md", "x"
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_pages(Broken(), out)
    assert (out / "keep.md").read_text(encoding="utf-8") == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
