"""From validated deck files to a deck's parts: cards, sections, functions, and the cross-file
checks (`assembly.py` makes the `Deck`).

Checks that need more than one value (duplicate ids, references between files, engine names,
answers among options) live here, each reported at the line of the value at fault.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypedDict

from pydantic import ValidationError

from quizapp.content import schema
from quizapp.content.assembly import DeckParts, PlacedCard
from quizapp.content.model import (
    REVERSE_SUFFIX,
    ActivationFunction,
    Card,
    CodeExercise,
    CodeReference,
    Correction,
    formula_text,
)
from quizapp.content.problems import Location, Problem, display_path, field_path
from quizapp.content.sections import render_section
from quizapp.content.yamlsource import SourceFile


class _CardMeta(TypedDict):
    """The `Card` fields every kind takes from the card's common fields and its place."""

    deck: str
    tags: tuple[str, ...]
    difficulty: int
    activation: str | None
    section: str
    source: str | None


@dataclass(frozen=True)
class ValidFile:
    """The parts of one file that passed validation, with each list item's index in the file."""

    source: SourceFile
    deck: schema.DeckSpec | None = None
    section: schema.SectionSpec | None = None
    functions: tuple[tuple[int, schema.FunctionSpec], ...] = ()
    cards: tuple[tuple[int, schema.CardSpec], ...] = ()


@dataclass
class _Pending:
    card: Card
    source: SourceFile
    location: Location


@dataclass
class _DeckBuilder:
    name: str
    activations: Collection[str]
    known_templates: Collection[str] | None
    complete: bool
    problems: list[Problem] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    functions: dict[str, tuple[schema.FunctionSpec, SourceFile, Location]] = field(
        default_factory=dict
    )
    section_ids: dict[str, tuple[Path, int]] = field(default_factory=dict)
    formula_sections: dict[str, str] = field(default_factory=dict)

    def report(self, source: SourceFile, location: Location, message: str) -> None:
        self.problems.append(
            Problem(source.path, source.line_of(location), field_path(location), message)
        )

    def check_activation(self, source: SourceFile, location: Location, name: str | None) -> None:
        if name is not None and name not in self.activations:
            self.report(
                source,
                location,
                f"unknown activation {name!r}; the engine has: "
                f"{', '.join(sorted(self.activations))}",
            )

    def add(self, source: SourceFile, location: Location, card: Card) -> None:
        self.check_activation(source, (*location, "activation"), card.activation)
        self.pending.append(_Pending(card, source, location))

    def collect_functions(self, files: list[ValidFile]) -> None:
        for valid in files:
            for index, spec in valid.functions:
                location: Location = ("functions", index)
                first = self.functions.get(spec.activation)
                if first is not None:
                    where = f"{display_path(first[1].path)}:{first[1].line_of(first[2])}"
                    self.report(
                        valid.source,
                        (*location, "activation"),
                        f"function {spec.activation!r} is described twice (first at {where})",
                    )
                    continue
                self.functions[spec.activation] = (spec, valid.source, location)
                self.check_corrections(valid.source, location, spec)

    def check_corrections(
        self, source: SourceFile, location: Location, spec: schema.FunctionSpec
    ) -> None:
        points = {*spec.strengths, *spec.weaknesses, *spec.use_cases}
        for index, item in enumerate(spec.corrections):
            if item.claim not in points:
                self.report(
                    source,
                    (*location, "corrections", index, "claim"),
                    f"claim {item.claim!r} is none of this function's strengths, weaknesses "
                    "or use cases (write it exactly as listed)",
                )

    def collect_sections(self, files: list[ValidFile]) -> None:
        for valid in files:
            section = valid.section
            if section is None:
                continue
            line = valid.source.line_of(("section", "id"))
            first = self.section_ids.get(section.id)
            if first is not None:
                self.report(
                    valid.source,
                    ("section", "id"),
                    f"duplicate section id {section.id!r} "
                    f"(first at {display_path(first[0])}:{first[1]})",
                )
                continue
            self.section_ids[section.id] = (valid.source.path, line)
            for block in section.blocks:
                if isinstance(block, schema.FunctionsBlock):
                    for activation in block.functions:
                        self.formula_sections.setdefault(activation, section.id)

    def build_cards(self, valid: ValidFile) -> None:
        file_section = valid.section.id if valid.section else ""
        for key in valid.source.data if isinstance(valid.source.data, dict) else ():
            if key == "section" and valid.section is not None:
                self._section_cards(valid.source, valid.section)
            elif key == "functions":
                for index, function in valid.functions:
                    self._function_card(valid.source, ("functions", index), function)
            elif key == "cards":
                for index, card in valid.cards:
                    self._standalone(valid.source, ("cards", index), card, file_section)

    def _meta(self, spec: schema.CardFields, section: str) -> _CardMeta:
        return {
            "deck": self.name,
            "tags": tuple(spec.tags),
            "difficulty": spec.difficulty,
            "activation": spec.activation,
            "section": section,
            "source": spec.source,
        }

    def _definition(
        self, source: SourceFile, location: Location, spec: schema.DefinitionSpec, section: str
    ) -> None:
        meaning = f"{spec.meaning}\n{spec.formula}" if spec.formula else spec.meaning
        meta = self._meta(spec, section)
        self.add(
            source, location, Card(spec.id, "definition", front=spec.term, back=meaning, **meta)
        )
        if spec.reverse:
            reverse = Card(
                f"{spec.id}{REVERSE_SUFFIX}", "definition", front=meaning, back=spec.term, **meta
            )
            self.pending.append(_Pending(reverse, source, location))

    def _interview(
        self, source: SourceFile, location: Location, spec: schema.InterviewSpec, section: str
    ) -> None:
        card = Card(
            spec.id,
            "interview",
            front=spec.question,
            back=spec.answer,
            key_points=spec.point_texts(),
            cues=spec.point_cues(),
            **self._meta(spec, section),
        )
        self.add(source, location, card)

    def _section_cards(self, source: SourceFile, section: schema.SectionSpec) -> None:
        for block_index, block in enumerate(section.blocks):
            base: Location = ("section", "blocks", block_index)
            if isinstance(block, schema.DefinitionsBlock):
                for index, definition in enumerate(block.definitions):
                    self._definition(source, (*base, "definitions", index), definition, section.id)
            elif isinstance(block, schema.InterviewBlock):
                for index, question in enumerate(block.interview):
                    self._interview(source, (*base, "interview", index), question, section.id)

    def _function_card(
        self, source: SourceFile, location: Location, spec: schema.FunctionSpec
    ) -> None:
        shown = spec.full_name or spec.name
        back = formula_text(spec.formula, spec.note)
        meta = self._meta(spec, self.formula_sections.get(spec.activation, ""))
        self.add(
            source,
            location,
            Card(spec.id, "formula", front=f"Formula of {shown}?", back=back, **meta),
        )

    def _standalone(
        self, source: SourceFile, location: Location, spec: schema.StandaloneCard, file_section: str
    ) -> None:
        section = spec.section or file_section
        if spec.section is not None and self.complete and spec.section not in self.section_ids:
            self.report(
                source, (*location, "section"), f"no section with id {spec.section!r} in this deck"
            )
        meta = self._meta(spec, section)
        if isinstance(spec, schema.DefinitionCard):
            self._definition(source, location, spec, section)
        elif isinstance(spec, schema.InterviewCard):
            self._interview(source, location, spec, section)
        elif isinstance(spec, schema.FormulaCard):
            back = formula_text(spec.formula, spec.note)
            self.add(
                source,
                location,
                Card(spec.id, "formula", front=f"Formula of {spec.name}?", back=back, **meta),
            )
        elif isinstance(spec, schema.ChoiceCard):
            self._choice(source, location, spec, meta)
        elif isinstance(spec, schema.NumericCard):
            self._numeric(source, location, spec, meta)
        elif isinstance(spec, schema.CodeCard):
            self._code(source, location, spec, meta)

    def _choice(
        self,
        source: SourceFile,
        location: Location,
        spec: schema.ChoiceCard,
        meta: _CardMeta,
    ) -> None:
        seen: set[str] = set()
        for index, option in enumerate(spec.options):
            if option in seen:
                self.report(
                    source, (*location, "options", index), f"option {option!r} appears twice"
                )
            seen.add(option)
        answer_index = spec.options.index(spec.answer) if spec.answer in spec.options else None
        if answer_index is None:
            options = ", ".join(repr(option) for option in spec.options)
            self.report(
                source,
                (*location, "answer"),
                f"answer {spec.answer!r} is not one of the options: {options}",
            )
        card = Card(
            spec.id,
            "choice",
            front=spec.question,
            back=spec.answer,
            options=tuple(spec.options),
            answer_index=answer_index,
            **meta,
        )
        self.add(source, location, card)

    def _numeric(
        self,
        source: SourceFile,
        location: Location,
        spec: schema.NumericCard,
        meta: _CardMeta,
    ) -> None:
        if self.known_templates is not None and spec.template not in self.known_templates:
            self.report(
                source,
                (*location, "template"),
                f"unknown template {spec.template!r}; expected one of: "
                f"{', '.join(sorted(self.known_templates))}",
            )
        card = Card(
            spec.id,
            "numeric",
            front=spec.title,
            back="",
            template=spec.template,
            params=_frozen_params(spec.params),
            **meta,
        )
        self.add(source, location, card)

    def _code(
        self,
        source: SourceFile,
        location: Location,
        spec: schema.CodeCard,
        meta: _CardMeta,
    ) -> None:
        reference = spec.reference
        where = (*location, "reference")
        self.check_activation(source, (*where, "activation"), reference.activation)
        if reference.activation in self.activations and reference.params:
            self._check_engine_params(source, (*where, "params"), reference)
        exercise = CodeExercise(
            task=spec.task,
            function=spec.function,
            signature=spec.signature,
            starter=spec.starter,
            reference=CodeReference(
                reference.kind,
                reference.activation,
                _frozen_params(reference.params),
                tuple(reference.arguments),
            ),
            solution=spec.solution,
            hints=tuple(spec.hints),
            budget_seconds=spec.budget_seconds,
        )
        card = Card(
            spec.id, "code", front=spec.title, back=spec.solution, exercise=exercise, **meta
        )
        self.add(source, location, card)

    def _check_engine_params(
        self, source: SourceFile, location: Location, reference: schema.CodeReference
    ) -> None:
        """The parameters must be ones the engine's function takes, with values it accepts."""
        from quizapp import engine

        try:
            engine.get(reference.activation or "").resolve_params(dict(reference.params))
        except (KeyError, TypeError, ValueError) as error:
            self.report(source, location, str(error))

    def placed_cards(self, files: Sequence[Path]) -> tuple[PlacedCard, ...]:
        """Every card built, with the index of its file among `files` and the line of its id."""
        index = {path: number for number, path in enumerate(files)}
        return tuple(
            PlacedCard(
                item.card,
                index[item.source.path],
                item.source.line_of((*item.location, "id")),
                field_path(item.location),
            )
            for item in self.pending
        )


def _frozen_params(params: Mapping[str, object]) -> Mapping[str, object]:
    """Authored parameters as a read-only mapping, lists as tuples."""
    return MappingProxyType(
        {key: tuple(value) if isinstance(value, list) else value for key, value in params.items()}
    )


def _function_entries(builder: _DeckBuilder) -> tuple[ActivationFunction, ...]:
    """One entry per function, listing only its own card (the deck's related cards are added
    when it is assembled)."""
    return tuple(
        ActivationFunction(
            activation=spec.activation,
            display_name=spec.name,
            full_name=spec.full_name or spec.name,
            formula=spec.formula,
            note=spec.note or "",
            strengths=tuple(spec.strengths),
            weaknesses=tuple(spec.weaknesses),
            use_cases=tuple(spec.use_cases),
            beyond_cheatsheet=spec.beyond_cheatsheet,
            card_ids=(spec.id,),
            source=spec.source or "",
            corrections=tuple(
                Correction(item.claim, item.correction, item.source) for item in spec.corrections
            ),
        )
        for spec, _source, _location in builder.functions.values()
    )


def _metadata(files: list[ValidFile], default_name: str, builder: _DeckBuilder) -> schema.DeckSpec:
    declared = [valid for valid in files if valid.deck is not None]
    for extra in declared[1:]:
        first = declared[0].source
        builder.report(
            extra.source,
            ("deck",),
            f"deck metadata is declared twice (first at {display_path(first.path)}:"
            f"{first.line_of(('deck',))})",
        )
    spec = declared[0].deck if declared else None
    return spec or schema.DeckSpec()


def _is_identifier(name: str) -> bool:
    try:
        schema.DeckSpec(name=name)
    except ValidationError:
        return False
    return True


def build_parts(
    path: Path,
    default_name: str,
    files: list[ValidFile],
    *,
    deck_files: Sequence[Path],
    complete: bool,
    activations: Collection[str],
    known_templates: Collection[str] | None,
) -> tuple[DeckParts, list[Problem]]:
    """A deck's parts from its valid files (`deck_files`: all of the deck's files, in order);
    `complete` is False when some file failed to load, which turns off reference checks that
    the broken file might have satisfied."""
    builder = _DeckBuilder(default_name, activations, known_templates, complete)
    metadata = _metadata(files, default_name, builder)
    builder.name = name = metadata.name or default_name
    if metadata.name is None and not _is_identifier(default_name):
        builder.problems.append(
            Problem(
                path,
                0,
                "deck",
                f"the folder name {default_name!r} is not a deck name (letters, digits, '.', '_'"
                " or '-'); name the deck in one of its files: `deck: {name: my-deck}`",
            )
        )
    builder.collect_functions(files)
    builder.collect_sections(files)
    for valid in files:
        builder.build_cards(valid)
    functions = {name: entry[0] for name, entry in builder.functions.items()}
    sections = []
    for valid in files:
        if valid.section is not None:
            section, section_problems = render_section(
                valid.section, valid.source, functions, check_references=complete
            )
            sections.append(section)
            builder.problems.extend(section_problems)
    parts = DeckParts(
        name=name,
        title=metadata.title or name,
        description=metadata.description or "",
        cards=builder.placed_cards(deck_files),
        sections=tuple(sections),
        functions=_function_entries(builder),
    )
    return parts, list(dict.fromkeys(builder.problems))
