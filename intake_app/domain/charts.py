"""Accessible SVG bar charts for the reports page, drawn without JavaScript or styles.

The chart is a picture of the table printed beside it; the table is the source of truth.
It is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>`` (which lists every
figure), each bar is labelled with its number in text, and the two periods differ by bar
thickness and by a written key as well as by colour, so nothing depends on seeing colour.
Colours are SVG presentation attributes because the Content-Security-Policy forbids
inline styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

WIDTH = 520
LABEL_HEIGHT = 18
CURRENT_BAR, PREVIOUS_BAR = 16, 8
GROUP_HEIGHT = LABEL_HEIGHT + CURRENT_BAR + 2 + PREVIOUS_BAR + 12
BAR_SPACE = 400  # the rest of the width holds the figure written after each bar
KEY_LINE = 20
CURRENT_FILL, PREVIOUS_FILL, TEXT_FILL = "#1d70b8", "#505a5f", "#0b0c0c"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    previous: float | None = None


def bar_chart(*, chart_id: str, title: str, description: str, key: Sequence[str],
              bars: Sequence[Bar]) -> str:
    """The SVG markup of a horizontal bar chart: for each bar, a thick bar for this period
    and a thin one for the previous period beneath it.

    The caller words ``description`` (every figure, for screen readers) and ``key`` (lines
    saying which bar is which period), so they go through the translation catalogue."""
    largest = max([bar.value for bar in bars] +
                  [bar.previous for bar in bars if bar.previous is not None] + [0])
    scale = BAR_SPACE / largest if largest else 0
    key_height = KEY_LINE * len(key) + 8
    height = key_height + GROUP_HEIGHT * len(bars)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *(_text(0, KEY_LINE * (line + 1) - 4, words) for line, words in enumerate(key)),
    ]
    for index, bar in enumerate(bars):
        top = key_height + index * GROUP_HEIGHT
        parts.append(_text(0, top + LABEL_HEIGHT - 4, bar.label))
        bar_top = top + LABEL_HEIGHT
        parts.append(_bar(bar_top, bar.value * scale, CURRENT_BAR, CURRENT_FILL))
        parts.append(_text(bar.value * scale + 6, bar_top + CURRENT_BAR - 3,
                           _number(bar.value)))
        if bar.previous is not None:
            previous_top = bar_top + CURRENT_BAR + 2
            parts.append(_bar(previous_top, bar.previous * scale, PREVIOUS_BAR, PREVIOUS_FILL))
            parts.append(_text(bar.previous * scale + 6, previous_top + PREVIOUS_BAR,
                               _number(bar.previous), size=12))
    parts.append("</svg>")
    return "".join(parts)


def _bar(top: float, width: float, height: int, fill: str) -> str:
    return (f'<rect x="0" y="{top:g}" width="{max(width, 0):.1f}" height="{height}" '
            f'fill="{fill}"/>')


def _text(x: float, y: float, words: str, *, size: int = 14) -> str:
    return (f'<text x="{x:.1f}" y="{y:g}" font-size="{size}" fill="{TEXT_FILL}" '
            f'font-family={quoteattr("system-ui, Arial, sans-serif")}>{escape(words)}</text>')


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
