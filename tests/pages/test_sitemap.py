import gzip

from generator.pages.sitemap import gzipped, sitemap_xml


def test_pages_are_listed_only_with_a_site_address():
    assert "<url>" not in sitemap_xml(["cases/x/"], None)
    xml = sitemap_xml(["cases/x/", "", "cases/x/"], "https://kb.example.org/site")
    assert xml.count("<url>") == 2
    assert "<loc>https://kb.example.org/site/cases/x/</loc>" in xml


def test_the_gzipped_sitemap_is_byte_identical_for_the_same_time():
    assert gzipped("<x/>", 1700000000) == gzipped("<x/>", 1700000000)
    assert gzip.decompress(gzipped("<x/>", 1)) == b"<x/>"
