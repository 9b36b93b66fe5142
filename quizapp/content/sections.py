"""A validated section as plain typed blocks, so a TUI renders the cheatsheet without YAML."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from quizapp.content import schema
from quizapp.content.model import (
    CORRECTION_MARK,
    Block,
    BulletItem,
    BulletList,
    Code,
    Heading,
    Link,
    LinkList,
    Paragraph,
    QuestionAnswer,
    QuestionList,
    Section,
    Table,
    formula_text,
)
from quizapp.content.problems import Location, Problem, field_path
from quizapp.content.yamlsource import SourceFile

FUNCTION_TABLE_COLUMNS = ("Activation Function", "Strengths", "Weaknesses", "Common Use Cases")


class _Renderer:
    def __init__(
        self,
        source: SourceFile,
        functions: Mapping[str, schema.FunctionSpec],
        check_references: bool,
    ) -> None:
        self.source = source
        self.functions = functions
        self.check_references = check_references
        self.problems: list[Problem] = []

    def report(self, location: Location, message: str) -> None:
        self.problems.append(
            Problem(self.source.path, self.source.line_of(location), field_path(location), message)
        )

    def referenced(self, location: Location, names: list[str]) -> list[schema.FunctionSpec]:
        entries = []
        for index, name in enumerate(names):
            entry = self.functions.get(name)
            if entry is not None:
                entries.append(entry)
            elif self.check_references:
                self.report(
                    (*location, index), f"no function {name!r} under `functions` in this deck"
                )
        return entries

    def table(self, table: schema.TableSpec, location: Location) -> Table:
        width = len(table.columns)
        for index, row in enumerate(table.rows):
            if len(row) != width:
                self.report(
                    (*location, "rows", index),
                    f"row has {len(row)} cells but the table has {width} columns",
                )
        return Table(tuple(table.columns), tuple(tuple(row) for row in table.rows))

    def heading(self, block: schema.HeadingBlock, location: Location) -> Block:
        return Heading(block.heading)

    def paragraph(self, block: schema.ParagraphBlock, location: Location) -> Block:
        return Paragraph(block.paragraph, block.cheatsheet or "", block.source or "")

    def bullets(self, block: schema.BulletsBlock, location: Location) -> Block:
        return BulletList(
            tuple(
                BulletItem(item.label or "", item.text, item.formula or "")
                for item in block.bullets
            )
        )

    def definitions(self, block: schema.DefinitionsBlock, location: Location) -> Block:
        return BulletList(
            tuple(
                BulletItem(
                    item.term,
                    item.meaning,
                    item.formula or "",
                    item.id,
                    item.cheatsheet or "",
                    item.source or "",
                )
                for item in block.definitions
            )
        )

    def interview(self, block: schema.InterviewBlock, location: Location) -> Block:
        return QuestionList(
            tuple(
                QuestionAnswer(
                    item.question,
                    item.answer,
                    item.point_texts(),
                    item.id,
                    item.cheatsheet or "",
                    item.source or "",
                )
                for item in block.interview
            )
        )

    def functions_list(self, block: schema.FunctionsBlock, location: Location) -> Block:
        return BulletList(
            tuple(
                BulletItem(
                    spec.full_name or spec.name,
                    formula_text(spec.formula, spec.note),
                    card_id=spec.id,
                    cheatsheet=formula_text(spec.cheatsheet, spec.note) if spec.cheatsheet else "",
                )
                for spec in self.referenced((*location, "functions"), block.functions)
            )
        )

    def function_table(self, block: schema.FunctionTableBlock, location: Location) -> Block:
        entries = self.referenced((*location, "function_table"), block.function_table)
        return Table(
            FUNCTION_TABLE_COLUMNS,
            tuple(
                (
                    spec.name,
                    _cell(spec, spec.strengths),
                    _cell(spec, spec.weaknesses),
                    _cell(spec, spec.use_cases),
                )
                for spec in entries
            ),
        )

    def table_block(self, block: schema.TableBlock, location: Location) -> Block:
        return self.table(block.table, (*location, "table"))

    def code(self, block: schema.CodeBlock, location: Location) -> Block:
        return Code(block.code, block.language)

    def links(self, block: schema.LinksBlock, location: Location) -> Block:
        return LinkList(
            tuple(Link(item.label, item.text or "", item.url or "") for item in block.links)
        )

    def block(self, block: schema.Spec, location: Location) -> Block:
        builders: dict[type, Callable[[Any, Location], Block]] = {
            schema.HeadingBlock: self.heading,
            schema.ParagraphBlock: self.paragraph,
            schema.BulletsBlock: self.bullets,
            schema.DefinitionsBlock: self.definitions,
            schema.InterviewBlock: self.interview,
            schema.FunctionsBlock: self.functions_list,
            schema.FunctionTableBlock: self.function_table,
            schema.TableBlock: self.table_block,
            schema.CodeBlock: self.code,
            schema.LinksBlock: self.links,
        }
        return builders[type(block)](block, location)


def _cell(spec: schema.FunctionSpec, points: list[str]) -> str:
    """A table cell: one point a line, a corrected point followed by its correction."""
    corrections = {item.claim: item for item in spec.corrections}
    lines = []
    for point in points:
        lines.append(point)
        fix = corrections.get(point)
        if fix is not None:
            lines.append(f"{CORRECTION_MARK} {fix.correction} (Source: {fix.source})")
    return "\n".join(lines)


def render_section(
    section: schema.SectionSpec,
    source: SourceFile,
    functions: Mapping[str, schema.FunctionSpec],
    *,
    check_references: bool,
) -> tuple[Section, list[Problem]]:
    """The section's blocks in source order, plus problems with its references and tables.

    `check_references` is off while another file of the deck is broken: the function a block
    names may be defined there.
    """
    renderer = _Renderer(source, functions, check_references)
    blocks = tuple(
        renderer.block(block, ("section", "blocks", index))
        for index, block in enumerate(section.blocks)
    )
    return Section(section.id, section.title, blocks), renderer.problems
