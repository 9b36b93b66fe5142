"""Plain-text rendering of the deck's typed blocks: content is shown literally, never as markup."""

from __future__ import annotations

from textual.widgets import Static

from quizapp.content import (
    ActivationFunction,
    Block,
    BulletList,
    Code,
    Heading,
    LinkList,
    Paragraph,
    QuestionList,
    Section,
    Table,
)


def block_text(block: Block) -> str:
    if isinstance(block, Heading):
        return block.text.upper()
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Code):
        return "\n".join(f"    {line}" for line in block.text.splitlines())
    if isinstance(block, BulletList):
        lines = []
        for item in block.items:
            head = f"• {item.label}: {item.text}" if item.label else f"• {item.text}"
            lines.append(head + (f"\n    {item.formula}" if item.formula else ""))
        return "\n".join(lines)
    if isinstance(block, Table):
        rows = []
        for row in block.rows:
            title, *cells = row
            parts = [title]
            for column, cell in zip(block.columns[1:], cells, strict=False):
                points = "\n      ".join(cell.splitlines())
                parts.append(f"  {column}:\n      {points}")
            rows.append("\n".join(parts))
        return "\n\n".join(rows)
    if isinstance(block, LinkList):
        return "\n".join(
            f"• {link.label}"
            + (f": {link.text}" if link.text else "")
            + (f"\n    {link.url}" if link.url else "")
            for link in block.items
        )
    if isinstance(block, QuestionList):
        return "\n\n".join(
            f"Q: {entry.question}\nA: {entry.answer}"
            + "".join(f"\n   ✓ {point}" for point in entry.key_points)
            for entry in block.items
        )
    raise TypeError(f"unknown block {block!r}")


def section_widgets(section: Section) -> list[Static]:
    widgets = [Static(section.title, classes="browse-title", markup=False)]
    widgets += [
        Static(block_text(block), classes="browse-block", markup=False) for block in section.blocks
    ]
    return widgets


def function_heading(entry: ActivationFunction) -> str:
    beyond = "  (beyond the cheatsheet)" if entry.beyond_cheatsheet else ""
    return f"{entry.full_name or entry.display_name}{beyond}\n\n{entry.formula_text}"


def function_details(entry: ActivationFunction) -> str:
    def listed(title: str, points: tuple[str, ...]) -> str:
        return f"{title}:\n" + "\n".join(f"  • {point}" for point in points) if points else ""

    parts = [
        listed("Strengths", entry.strengths),
        listed("Weaknesses", entry.weaknesses),
        listed("Common use cases", entry.use_cases),
    ]
    return "\n\n".join(part for part in parts if part)
