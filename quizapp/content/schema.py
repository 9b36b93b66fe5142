"""The authoring format of a deck file, as pydantic models (also published as JSON Schema).

A deck is a folder of YAML files; each file may declare the deck itself (`deck`), one cheatsheet
section (`section`, rendered for browsing and holding inline cards), activation-function entries
(`functions`) and stand-alone cards (`cards`). Models are strict: YAML numbers are not text,
unknown keys are errors.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from quizapp.explain import cue_problem

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_URL = re.compile(r"^https?://\S+$")
_SCALAR_TYPES = (bool, int, float, str)


def _text(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise PydanticCustomError("empty_text", "text must not be empty")
    return stripped


def _identifier(value: str) -> str:
    if not _ID.fullmatch(value):
        raise PydanticCustomError(
            "bad_id",
            "an id is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit "
            "(no spaces or ':')",
        )
    return value


def _url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise PydanticCustomError("bad_url", "a link must start with http:// or https://")
    return value


def _cue(value: str) -> str:
    problem = cue_problem(value)
    if problem:
        raise PydanticCustomError("bad_cue", problem)
    return value


def _param_value(value: Any) -> Any:
    if isinstance(value, _SCALAR_TYPES):
        return value
    if isinstance(value, list) and all(isinstance(item, _SCALAR_TYPES) for item in value):
        return value
    raise PydanticCustomError(
        "bad_param", "a parameter is a number, true/false, text, or a list of those"
    )


_SCALAR_SCHEMA: dict[str, Any] = {"type": ["number", "boolean", "string"]}

Text = Annotated[str, AfterValidator(_text), WithJsonSchema({"type": "string", "pattern": r"\S"})]
Identifier = Annotated[
    str, AfterValidator(_identifier), WithJsonSchema({"type": "string", "pattern": _ID.pattern})
]
Url = Annotated[
    str, AfterValidator(_url), WithJsonSchema({"type": "string", "pattern": _URL.pattern})
]
Cue = Annotated[Text, AfterValidator(_cue)]
Difficulty = Annotated[int, Field(ge=1, le=5, description="1 (easy) to 5 (hard)")]
ParamValue = Annotated[
    Any,
    PlainValidator(_param_value),
    WithJsonSchema({"anyOf": [_SCALAR_SCHEMA, {"type": "array", "items": _SCALAR_SCHEMA}]}),
]


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CardFields(Spec):
    """What every card carries: a stable id (its study history hangs on it), tags, difficulty."""

    id: Identifier = Field(description="Stable card id: keep it when editing the text.")
    tags: list[Text] = []
    difficulty: Difficulty = 3
    activation: Text | None = Field(
        default=None, description="Engine name of the related activation function, e.g. relu."
    )
    source: Text | None = Field(
        default=None,
        description=(
            "Where the claim can be checked: a paper or framework doc, "
            "e.g. 'He et al. 2015, Delving Deep into Rectifiers'. Optional."
        ),
    )


CHEATSHEET_DESCRIPTION = (
    "The cheatsheet's own wording, kept as a quote when the main text corrects or expands it; "
    "cards ask the main text, never this."
)


class DefinitionSpec(CardFields):
    """A term and its meaning; `reverse: true` also asks meaning -> term."""

    term: Text
    meaning: Text
    formula: Text | None = Field(default=None, description="An equation shown under the meaning.")
    reverse: bool = False
    cheatsheet: Text | None = Field(default=None, description=CHEATSHEET_DESCRIPTION)


class KeyPointSpec(Spec):
    """A key point with the cues that show an answer covered it."""

    text: Text
    cues: list[Cue] = Field(
        min_length=1,
        description="Words or phrasings that show the point was covered (any one is enough): "
        "synonyms, abbreviations, symbols, e.g. 'vanishing', 'σ′ ≤ 0.25'; 'a & b' needs both "
        "parts; 'wrong: …' is what an answer that gets the point wrong says (heard, the point is "
        "not covered).",
    )


def _key_point_form(value: Any) -> str:
    return "text" if isinstance(value, str) else "point"


KeyPoint = Annotated[
    Annotated[Text, Tag("text")] | Annotated[KeyPointSpec, Tag("point")],
    Discriminator(_key_point_form),
]


class InterviewSpec(CardFields):
    """An interview question, its model answer, and the points a good spoken answer covers."""

    question: Text
    answer: Text
    key_points: list[KeyPoint] = Field(
        min_length=1,
        description="Plain text, or {text, cues}; without cues a point is recognised by its own "
        "content words.",
    )
    cheatsheet: Text | None = Field(default=None, description=CHEATSHEET_DESCRIPTION)

    def point_texts(self) -> tuple[str, ...]:
        return tuple(p if isinstance(p, str) else p.text for p in self.key_points)

    def point_cues(self) -> tuple[tuple[str, ...], ...]:
        """Cues per point, aligned with `point_texts` (empty for a plain-text point)."""
        return tuple(() if isinstance(p, str) else tuple(p.cues) for p in self.key_points)


class CorrectionSpec(Spec):
    """A strength, weakness or use case of the cheatsheet that is wrong or loose, kept as written
    and shown with what is actually true."""

    claim: Text = Field(
        description="The entry's strength, weakness or use case it corrects, written exactly."
    )
    correction: Text
    source: Text = Field(description="A paper or framework doc that backs the correction.")


class FunctionSpec(CardFields):
    """An activation function: formula (its own formula card, `id`) and strengths-table row."""

    activation: Text = Field(description="Engine name, e.g. leaky_relu.")
    name: Text = Field(description="Short display name, as in the strengths table.")
    full_name: Text | None = Field(default=None, description="Name used in the formula list.")
    formula: Text = Field(description="Readable Unicode, e.g. σ(x) = 1 / (1 + e⁻ˣ).")
    note: Text | None = Field(default=None, description="Shown after the formula in parentheses.")
    strengths: list[Text] = []
    weaknesses: list[Text] = []
    use_cases: list[Text] = []
    beyond_cheatsheet: bool = False
    cheatsheet: Text | None = Field(
        default=None,
        description="The cheatsheet's formula as it prints it, when `formula` is written better.",
    )
    corrections: list[CorrectionSpec] = []


class StandaloneCard(CardFields):
    section: Identifier | None = Field(
        default=None, description="Section id this card belongs to (default: the file's section)."
    )


class DefinitionCard(StandaloneCard, DefinitionSpec):
    kind: Literal["definition"]


class FormulaCard(StandaloneCard):
    """Name -> formula, for formulas outside the functions list."""

    kind: Literal["formula"]
    name: Text
    formula: Text
    note: Text | None = None


class InterviewCard(StandaloneCard, InterviewSpec):
    kind: Literal["interview"]


class ChoiceCard(StandaloneCard):
    """Multiple choice: `answer` must be one of `options`, written exactly the same."""

    kind: Literal["choice"]
    question: Text
    options: list[Text] = Field(min_length=2, max_length=8)
    answer: Text


class NumericCard(StandaloneCard):
    """A numeric skill: each review generates a fresh question from `template`."""

    kind: Literal["numeric"]
    title: Text
    template: Identifier = Field(description="Question family, e.g. activation-vector.")
    params: dict[str, ParamValue] = {}


ReferenceKind = Literal[
    "forward",
    "backward",
    "derivative-from-output",
    "backward-from-output",
    "jvp",
    "logsumexp",
    "cross-entropy",
    "gradient-check",
]
# Which engine functions each reference kind can grade; None: the kind takes no activation.
REFERENCE_ACTIVATIONS: dict[str, frozenset[str] | None] = {
    "derivative-from-output": frozenset({"sigmoid", "tanh"}),
    "backward-from-output": frozenset({"sigmoid", "tanh"}),
    "jvp": frozenset({"softmax"}),
    "logsumexp": None,
    "cross-entropy": None,
    "gradient-check": None,
}
_PYTHON_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,60}$")


def _python_name(value: str) -> str:
    if not _PYTHON_NAME.fullmatch(value):
        raise PydanticCustomError("bad_function", "a function name is a Python identifier")
    return value


PythonName = Annotated[
    str,
    AfterValidator(_python_name),
    WithJsonSchema({"type": "string", "pattern": _PYTHON_NAME.pattern}),
]


class CodeReference(Spec):
    """What the hidden tests compare the user's function with, computed by the engine.

    forward: f(x) = activation(x); backward: f(x, grad) = grad · f'(x); derivative-from-output:
    f(y) = f'(x) given y = f(x); backward-from-output: f(y, grad); jvp: f(x, v) = J(x)·v along
    the last axis; logsumexp: f(x) along the last axis; cross-entropy: f(logits, labels) =
    (mean loss, its gradient); gradient-check: f(func, x) = central-difference gradient.
    """

    kind: ReferenceKind
    activation: Text | None = Field(default=None, description="Engine name, e.g. sigmoid.")
    params: dict[str, ParamValue] = Field(default={}, description="Engine parameters.")
    arguments: list[PythonName] = Field(
        default=[], description="Parameters also passed to the function, as keyword arguments."
    )

    @model_validator(mode="after")
    def _consistent(self) -> CodeReference:
        allowed = REFERENCE_ACTIVATIONS.get(self.kind, frozenset())
        if allowed is None and self.activation is not None:
            raise PydanticCustomError(
                "bad_reference", "a {kind} reference takes no activation", {"kind": self.kind}
            )
        if allowed is not None and self.activation is None:
            raise PydanticCustomError(
                "bad_reference", "a {kind} reference needs an activation", {"kind": self.kind}
            )
        if allowed and self.activation not in allowed:
            raise PydanticCustomError(
                "bad_reference",
                "a {kind} reference works with: {names}",
                {"kind": self.kind, "names": ", ".join(sorted(allowed))},
            )
        missing = [name for name in self.arguments if name not in self.params]
        if missing:
            raise PydanticCustomError(
                "bad_reference",
                "arguments must be named in params: {names}",
                {"names": ", ".join(missing)},
            )
        return self


class CodeCard(StandaloneCard):
    """A coding drill: write `function` in NumPy; hidden tests compare it with the engine."""

    kind: Literal["code"]
    title: Text
    task: Text = Field(description="What to write; say that only numpy and the stdlib exist.")
    function: PythonName = Field(description="The function the tests call, e.g. softmax.")
    signature: Text = Field(description="How it is called, e.g. softmax(x) -> ndarray.")
    starter: Text = Field(description="The code the editor starts from.")
    reference: CodeReference
    hints: list[Text] = []
    solution: Text = Field(description="A model solution, shown after a try.")
    budget_seconds: int = Field(
        default=480, ge=30, le=3600, description="Time allowed in a mock interview."
    )

    @model_validator(mode="after")
    def _signature_names_function(self) -> CodeCard:
        if not self.signature.startswith(f"{self.function}("):
            raise PydanticCustomError(
                "bad_signature",
                "the signature must start with the function's name: {name}(...)",
                {"name": self.function},
            )
        return self


CardSpec = Annotated[
    DefinitionCard | FormulaCard | InterviewCard | ChoiceCard | NumericCard | CodeCard,
    Field(discriminator="kind"),
]


class HeadingBlock(Spec):
    heading: Text


class ParagraphBlock(Spec):
    paragraph: Text
    cheatsheet: Text | None = Field(default=None, description=CHEATSHEET_DESCRIPTION)
    source: Text | None = Field(default=None, description="A paper or framework doc.")


class BulletSpec(Spec):
    label: Text | None = None
    text: Text
    formula: Text | None = None


class BulletsBlock(Spec):
    bullets: list[BulletSpec] = Field(min_length=1)


class DefinitionsBlock(Spec):
    """Rendered as a bullet list (term: meaning); every item is also a definition card."""

    definitions: list[DefinitionSpec] = Field(min_length=1)


class InterviewBlock(Spec):
    """Rendered as questions with answers; every item is also an interview card."""

    interview: list[InterviewSpec] = Field(min_length=1)


class FunctionsBlock(Spec):
    """The formula list of the named functions (engine names, defined under `functions`)."""

    functions: list[Text] = Field(min_length=1)


class FunctionTableBlock(Spec):
    """The strengths / weaknesses / common-use table of the named functions."""

    function_table: list[Text] = Field(min_length=1)


class TableSpec(Spec):
    columns: list[Text] = Field(min_length=1)
    rows: list[list[Text]] = Field(min_length=1)


class TableBlock(Spec):
    table: TableSpec


class CodeBlock(Spec):
    code: Text
    language: Text = "text"


class LinkSpec(Spec):
    label: Text
    text: Text | None = None
    url: Url | None = None


class LinksBlock(Spec):
    links: list[LinkSpec] = Field(min_length=1)


BLOCK_TYPES: dict[str, type[Spec]] = {
    "heading": HeadingBlock,
    "paragraph": ParagraphBlock,
    "bullets": BulletsBlock,
    "definitions": DefinitionsBlock,
    "interview": InterviewBlock,
    "functions": FunctionsBlock,
    "function_table": FunctionTableBlock,
    "table": TableBlock,
    "code": CodeBlock,
    "links": LinksBlock,
}


def _block_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return next((key for key in value if key in BLOCK_TYPES), None)
    if isinstance(value, BaseModel):
        return next((key for key in BLOCK_TYPES if key in type(value).model_fields), None)
    return None


BlockSpec = Annotated[
    Annotated[HeadingBlock, Tag("heading")]
    | Annotated[ParagraphBlock, Tag("paragraph")]
    | Annotated[BulletsBlock, Tag("bullets")]
    | Annotated[DefinitionsBlock, Tag("definitions")]
    | Annotated[InterviewBlock, Tag("interview")]
    | Annotated[FunctionsBlock, Tag("functions")]
    | Annotated[FunctionTableBlock, Tag("function_table")]
    | Annotated[TableBlock, Tag("table")]
    | Annotated[CodeBlock, Tag("code")]
    | Annotated[LinksBlock, Tag("links")],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message="a block is a mapping with one of: " + ", ".join(BLOCK_TYPES),
    ),
]


class SectionSpec(Spec):
    """A part of the cheatsheet, rendered block by block; sections follow file-name order."""

    id: Identifier
    title: Text
    blocks: list[BlockSpec] = []


class DeckSpec(Spec):
    """Deck metadata (at most one file per deck); the name defaults to the folder name."""

    name: Identifier | None = None
    title: Text | None = None
    description: Text | None = None


class DeckFile(Spec):
    """One YAML file of a deck."""

    deck: DeckSpec | None = None
    section: SectionSpec | None = None
    functions: list[FunctionSpec] = []
    cards: list[CardSpec] = []


CARD_TYPES: dict[str, type[Spec]] = {
    "definition": DefinitionCard,
    "formula": FormulaCard,
    "interview": InterviewCard,
    "choice": ChoiceCard,
    "numeric": NumericCard,
    "code": CodeCard,
}


def deck_file_json_schema() -> dict[str, Any]:
    """The JSON Schema editors use to check a deck file while the author types."""
    schema = DeckFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "quizapp deck file",
        **{key: value for key, value in schema.items() if key != "title"},
    }
