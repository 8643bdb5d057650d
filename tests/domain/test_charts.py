"""The reports' bar charts: accessible SVG, figures written as text, no inline styles."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from intake_app.domain.charts import CURRENT_FILL, PREVIOUS_FILL, Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def chart(bars) -> ET.Element:
    markup = bar_chart(chart_id="chart-types", title="Complaints by type, 2025-26",
                       description="Complaint: 7 (3 in 2024-25).",
                       key=("Thick bars: 2025-26.", "Thin bars: 2024-25."), bars=bars)
    assert "style=" not in markup
    # Parsed as XML with the SVG namespace the HTML parser gives inline <svg>.
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_chart_is_named_and_described_for_screen_readers():
    svg = chart([Bar("Complaint", 7, 3)])
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-types-title chart-types-desc"
    assert svg.find(f"{SVG}title").get("id") == "chart-types-title"
    assert svg.find(f"{SVG}title").text == "Complaints by type, 2025-26"
    assert svg.find(f"{SVG}desc").text == "Complaint: 7 (3 in 2024-25)."


def test_every_bar_has_its_figure_in_text_and_periods_differ_by_shape():
    svg = chart([Bar("Delay", 8, 2), Bar("Money", 2, 4)])
    texts = [element.text for element in svg.iter(f"{SVG}text")]
    assert texts[:2] == ["Thick bars: 2025-26.", "Thin bars: 2024-25."]
    assert texts[2:] == ["Delay", "8", "2", "Money", "2", "4"]
    rects = list(svg.iter(f"{SVG}rect"))
    current = [rect for rect in rects if rect.get("fill") == CURRENT_FILL]
    previous = [rect for rect in rects if rect.get("fill") == PREVIOUS_FILL]
    assert len(current) == len(previous) == 2
    assert all(int(rect.get("height")) > int(other.get("height"))
               for rect, other in zip(current, previous, strict=True))
    # The widest bar is the largest figure; the others are in proportion.
    assert float(current[0].get("width")) == 2 * float(previous[1].get("width"))


def test_labels_are_escaped_and_zeros_draw_nothing():
    svg = chart([Bar("<script>&", 0, 0)])
    assert [element.text for element in svg.iter(f"{SVG}text")][2] == "<script>&"
    assert all(float(rect.get("width")) == 0 for rect in svg.iter(f"{SVG}rect"))
