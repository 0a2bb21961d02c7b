"""The navigation's section marked as the current one on pages it does not list itself."""

from __future__ import annotations

from generator.pages.wayfinding import section_page


class SectionHighlight:
    """Marks a case's, practice's or handout's section (案例库, 工作法, 培训模块 …) active in
    the navigation while its page is rendered, and unmarks it afterwards: the navigation
    object is shared by every page of the build."""

    def __init__(self):
        self.marked = None

    def mark(self, nav, source: str) -> None:
        self.clear()
        section = section_page(source)
        item = next((p for p in nav.pages if p.file.src_uri == section), None) if section else None
        if item is not None and not item.active:
            item.active = True
            self.marked = item

    def clear(self) -> None:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None
