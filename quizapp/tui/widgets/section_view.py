"""Plain-text rendering of the deck's typed blocks: content is shown literally, never as markup."""

from __future__ import annotations

from textual.widgets import Static

from quizapp.content import ActivationFunction, Section
from quizapp.content.model import CORRECTION_MARK


def section_widgets(section: Section) -> list[Static]:
    widgets = [Static(section.title, classes="browse-title", markup=False)]
    widgets += [
        Static(block.plain(), classes="browse-block", markup=False) for block in section.blocks
    ]
    return widgets


def function_heading(entry: ActivationFunction) -> str:
    beyond = "  (beyond the cheatsheet)" if entry.beyond_cheatsheet else ""
    source = f"\n\nSource: {entry.source}" if entry.source else ""
    return f"{entry.full_name or entry.display_name}{beyond}\n\n{entry.formula_text}{source}"


def function_details(entry: ActivationFunction) -> str:
    """Strengths, weaknesses and use cases; a point the cheatsheet got wrong shows the fix."""

    def point(text: str) -> str:
        fix = entry.correction(text)
        if fix is None:
            return f"  • {text}"
        return f"  • {text}\n    {CORRECTION_MARK} {fix.text}\n    Source: {fix.source}"

    def listed(title: str, points: tuple[str, ...]) -> str:
        return f"{title}:\n" + "\n".join(point(text) for text in points) if points else ""

    parts = [
        listed("Strengths", entry.strengths),
        listed("Weaknesses", entry.weaknesses),
        listed("Common use cases", entry.use_cases),
    ]
    return "\n\n".join(part for part in parts if part)
