"""A validated section as plain typed blocks, so a TUI renders the cheatsheet without YAML."""

from __future__ import annotations

from collections.abc import Mapping

from quizapp.content import schema
from quizapp.content.model import (
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

    def block(self, block: schema.Spec, location: Location) -> Block:
        if isinstance(block, schema.HeadingBlock):
            return Heading(block.heading)
        if isinstance(block, schema.ParagraphBlock):
            return Paragraph(block.paragraph)
        if isinstance(block, schema.BulletsBlock):
            return BulletList(
                tuple(
                    BulletItem(item.label or "", item.text, item.formula or "")
                    for item in block.bullets
                )
            )
        if isinstance(block, schema.DefinitionsBlock):
            return BulletList(
                tuple(
                    BulletItem(item.term, item.meaning, item.formula or "", item.id)
                    for item in block.definitions
                )
            )
        if isinstance(block, schema.InterviewBlock):
            return QuestionList(
                tuple(
                    QuestionAnswer(item.question, item.answer, item.point_texts(), item.id)
                    for item in block.interview
                )
            )
        if isinstance(block, schema.FunctionsBlock):
            return BulletList(
                tuple(
                    BulletItem(
                        spec.full_name or spec.name,
                        formula_text(spec.formula, spec.note),
                        card_id=spec.id,
                    )
                    for spec in self.referenced((*location, "functions"), block.functions)
                )
            )
        if isinstance(block, schema.FunctionTableBlock):
            entries = self.referenced((*location, "function_table"), block.function_table)
            return Table(
                FUNCTION_TABLE_COLUMNS,
                tuple(
                    (
                        spec.name,
                        "\n".join(spec.strengths),
                        "\n".join(spec.weaknesses),
                        "\n".join(spec.use_cases),
                    )
                    for spec in entries
                ),
            )
        if isinstance(block, schema.TableBlock):
            return self.table(block.table, (*location, "table"))
        if isinstance(block, schema.CodeBlock):
            return Code(block.code, block.language)
        if isinstance(block, schema.LinksBlock):
            return LinkList(
                tuple(Link(item.label, item.text or "", item.url or "") for item in block.links)
            )
        raise TypeError(f"no renderer for {type(block).__name__}")


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
