"""axe-core (Deque's accessibility engine, MPL-2.0, vendored in tests/web/vendor/ at a pinned
version so the tests need no network) run on a page in the real browser.

The page keeps its Content-Security-Policy: axe goes in through the DevTools protocol
(``page.evaluate`` of its source), which a page's CSP does not govern, so the page is
tested exactly as a child's browser runs it. A ``<script>`` tag could not be added.

Screenshots of the pages the tests walk go to SCREENSHOTS (docs/screenshots/pages/, not
committed; README.md shows two committed ones from docs/screenshots/)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

VENDOR = Path(__file__).parent / "vendor"
AXE_VERSION = "4.14.1"  # npm pack axe-core@4.14.1: axe.min.js, LICENSE, LICENSE-3RD-PARTY.txt
# WCAG 2.2 AA, as the public sector must meet it (and the level the brief set).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "pages"

_RUN = """(tags) => axe.run(document, {
  runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
}).then((result) => result.violations.map((rule) => ({
  id: rule.id, impact: rule.impact, help: rule.help,
  nodes: rule.nodes.map((node) => node.target.join(" ") + " :: " + node.html.slice(0, 160)
                        + " :: " + (node.failureSummary || "").replace(/\\s+/g, " "))
})))"""


def _source() -> str:
    source = (VENDOR / "axe.min.js").read_text(encoding="utf-8")
    assert f"axe v{AXE_VERSION}" in source[:200], "vendor/axe.min.js is not the pinned one"
    return source


AXE_SOURCE = _source()


def violations(page: Page, where: str) -> list[str]:
    """Every WCAG 2.2 A/AA rule the page as it is now breaks, one line per rule, with the
    elements that break it; ``where`` names the page and state in the message."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    found = page.evaluate(_RUN, list(WCAG_TAGS))
    return [f"{where}: {rule['id']} ({rule['impact']}) {rule['help']}\n      "
            + "\n      ".join(rule["nodes"][:5]) for rule in found]


def sideways_scroll(page: Page, where: str) -> list[str]:
    """WCAG 1.4.10 Reflow: at 320 CSS pixels wide (1280 px at 400% zoom) nothing scrolls
    sideways, so the page itself is never wider than the window."""
    widths = page.evaluate("""() => ({scroll: document.scrollingElement.scrollWidth,
                                     client: document.scrollingElement.clientWidth})""")
    if widths["scroll"] <= widths["client"]:
        return []
    return [f"{where}: scrolls sideways at {widths['client']} px: {widths['scroll']} px wide"]


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """A picture of the page for people to look at (docs/screenshots/pages/<name>.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
