"""Handouts printed to PDF (``kb handout --pdf``, ``kb build --pdf``).

The PDF engine is a Chromium-family browser (Chrome, Edge or Chromium, which trainers already
have) driven by Playwright: it prints with the same engine readers use, CJK fonts come from the
system, and nothing but pip is needed. The document (``pages.handouts.standalone_html``)
loads nothing from anywhere: its styles are inlined and every request it would make is
refused.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

from generator.library.history import utc
from generator.library.training import handout_pdf, public_editions
from generator.model.settings import Settings
from generator.pages.handouts import printable_handout

BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
    "chrome",
)
_KNOWN_PATHS = {
    "win32": [
        r"{ProgramFiles}\Google\Chrome\Application\chrome.exe",
        r"{ProgramFiles(x86)}\Google\Chrome\Application\chrome.exe",
        r"{LOCALAPPDATA}\Google\Chrome\Application\chrome.exe",
        r"{ProgramFiles(x86)}\Microsoft\Edge\Application\msedge.exe",
        r"{ProgramFiles}\Microsoft\Edge\Application\msedge.exe",
    ],
    "darwin": [
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ],
}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_BROWSER = (
    "没有找到可以生成 PDF 的浏览器（Chrome、Edge 或 Chromium）。请安装其中之一，或把环境变量 "
    "KB_BROWSER 设为浏览器程序的完整路径；也可以不用 PDF：在浏览器中打开讲义页面，选择“打印”→"
    "“另存为 PDF”。"
)


class HandoutError(Exception):
    """A handout could not be printed; the message says why and what to do, in Chinese."""


def find_browser(settings: Settings) -> str | None:
    """The browser to print with: KB_BROWSER, one on the PATH, or one installed where the
    system puts it."""
    if settings.browser:
        return str(settings.browser) if settings.browser.is_file() else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for pattern in _KNOWN_PATHS.get(sys.platform, []):
        try:
            candidate = Path(pattern.format(**dict(settings.program_folders)))
        except KeyError:
            continue
        if candidate.is_file():
            return str(candidate)
    return None


def print_pdfs(documents: list[tuple[str, str]], epoch: int, settings: Settings) -> list[bytes]:
    """Each (HTML, header text) printed to PDF, with one browser (``settings.browser`` or one
    found); dated ``epoch`` (seconds since 1970), not the clock, so the same commit prints
    the same bytes."""
    browser_path = find_browser(settings)
    if browser_path is None:
        raise HandoutError(NO_BROWSER)
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        raise HandoutError("生成 PDF 需要 playwright：请运行 pip install playwright。") from error
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=LAUNCH_ARGS)
            try:
                return [
                    _dated(_print_one(browser, document, header), epoch)
                    for document, header in documents
                ]
            finally:
                browser.close()
    except Error as error:
        raise HandoutError(f"浏览器没能生成 PDF（{browser_path}）：{error.message}") from error


def _print_one(browser, document: str, header: str) -> bytes:
    page = browser.new_page()
    # nothing is loaded from anywhere, not even by mistake
    page.route("**/*", lambda route: route.abort())
    page.set_content(document, wait_until="load")
    pdf = page.pdf(
        format="A4",
        margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        display_header_footer=True,
        header_template=_margin(html.escape(header), "left"),
        footer_template=_margin(
            '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页',
            "right",
        ),
        print_background=True,
        outline=True,
        tagged=True,
    )
    page.close()
    return pdf


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


def _dated(pdf: bytes, epoch: int) -> bytes:
    """The PDF with its creation and change dates set to ``epoch``. The replacement has the
    same length as what Chromium writes, so the file's byte offsets stay valid."""
    stamp = utc(epoch).strftime("%Y%m%d%H%M%S").encode()

    def replace(match: re.Match) -> bytes:
        new = b"/" + match.group(1) + b" (D:" + stamp + b"+00'00')"
        return new if len(new) == len(match.group(0)) else match.group(0)

    return _PDF_DATE.sub(replace, pdf)


def _margin(content: str, side: str) -> str:
    # header and footer templates get no page styles: the font and size are set here
    return (
        f'<div style="width:100%;margin:0 16mm;font-size:8pt;color:#555;text-align:{side};'
        "font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',"
        f"'PingFang SC',sans-serif\">{content}</div>"
    )


def print_handouts(site, static: Path, epoch: int, settings: Settings) -> list[tuple[str, bytes]]:
    """(path in the site, PDF) of every handout the site publishes, printed in one browser."""
    renderer = site.page_renderer()
    editions = [
        (module, teacher)
        for module in site.library.all("training")
        for teacher in public_editions(module)
    ]
    documents = [
        printable_handout(renderer, module, teacher, static, site.markdown)
        for module, teacher in editions
    ]
    if not documents:
        return []
    pdfs = print_pdfs(documents, epoch, settings)
    return [
        (handout_pdf(module, teacher), pdf)
        for (module, teacher), pdf in zip(editions, pdfs, strict=True)
    ]
