"""generator/publish/bundle.py: the offline bundle's name and a zip that is the same for a
commit."""

import zipfile

from generator.publish.bundle import README_NAME, bundle_folder, write_bundle

NOV_30_2026 = 1796000000  # 2026-11-30 00:53:20 UTC


def _site(tmp_path):
    site = tmp_path / "site"
    (site / "cases").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "cases" / "案例.html").write_text("案例", encoding="utf-8")
    return site


def test_the_name_is_the_site_and_the_commit_date():
    assert bundle_folder("居民小区党建知识库", NOV_30_2026) == "居民小区党建知识库-offline-20261130"
    assert bundle_folder('a/b: "c"', 0) == "a-b-c-offline-19700101"


def test_the_zip_holds_one_folder_with_the_site_and_how_to_open_it(tmp_path):
    zip_path = write_bundle(_site(tmp_path), "知识库", NOV_30_2026, tmp_path / "dist")
    assert zip_path.name == "知识库-offline-20261130.zip"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        readme = archive.read(f"知识库-offline-20261130/{README_NAME}").decode("utf-8")
        dates = {info.date_time for info in archive.infolist()}
    folder = "知识库-offline-20261130"
    assert names == [f"{folder}/使用说明.txt", f"{folder}/cases/案例.html", f"{folder}/index.html"]
    assert "双击" in readme and "index.html" in readme
    assert dates == {(2026, 11, 30, 0, 53, 20)}
    assert not list((tmp_path / "dist").glob("*.partial"))


def test_the_same_site_and_commit_give_the_same_bytes(tmp_path):
    site = _site(tmp_path)
    first = write_bundle(site, "知识库", NOV_30_2026, tmp_path / "one").read_bytes()
    (site / "index.html").touch()  # a later file time changes nothing
    second = write_bundle(site, "知识库", NOV_30_2026, tmp_path / "two").read_bytes()
    assert first == second
