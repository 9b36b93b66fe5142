"""Generated numeric interview questions, graded like a patient interviewer.

    from quizapp.questions import template_ids, generate
    q = generate("softmax-logits", seed=7)  # same (id, seed, activation, params): same question
    g = q.grade("0.693, 0.005, 0.035, 0.013, 0.255")  # g.correct: the 5 rounded probabilities

A `Question` is immutable (read-only arrays and mappings): `template_id`, `seed`, `activation`
(engine name, None for families mixing several), `params` (as the card gave them),
`activation_params` (the α etc. actually used), `prompt`, `inputs`, `expected` (float, 1-D array,
or for multiple choice the 0-based index into `options`), `expected_text` (as displayed; always
accepted), `decimals`, `tolerance`, `answer_shape` ("scalar" | "vector" | "choice"), `solution`
(tuple of plain-text steps), `worked` (what the solution's printed digits give; `worked_text`,
rounded, is always accepted), `options`, `mistakes` (the modelled wrong answers), `unnamed` (those
this draw cannot tell apart: an answer carrying one lists them as possible, naming none).

A `Grade`: `correct`, `score` (share of correct elements), `parse_error` (None, or why the answer
must be asked again: unreadable with its column, or the wrong number of values; never counts as
wrong; `error_column` then points at the spot, if there is one), `feedback` (tuple of plain-text
lines), `read_as`, `element_correct`, `mistake` (an id of `MISTAKES`, or None).

Every number shown or checked comes from `quizapp.engine`.
"""

from __future__ import annotations

from quizapp.catalog import TemplateIds
from quizapp.questions.generator import TEMPLATES, generate, template
from quizapp.questions.grading import Grade
from quizapp.questions.mistakes import MISTAKES, Mistake
from quizapp.questions.parsing import AnswerSyntaxError, parse_numbers
from quizapp.questions.question import Question

__all__ = [
    "MISTAKES",
    "AnswerSyntaxError",
    "Grade",
    "Mistake",
    "Question",
    "describe",
    "generate",
    "parse_numbers",
    "template_activations",
    "template_ids",
    "template_params",
]


def template_ids() -> TemplateIds:
    """Every question family id, sorted."""
    return TemplateIds(sorted(TEMPLATES))


def describe(template_id: str) -> str:
    """One line for menus, e.g. "Softmax of a few logits, ..."."""
    return template(template_id).description


def template_activations(template_id: str) -> list[str]:
    """Engine names a card may pass as `activation` for this family (sorted)."""
    return sorted(template(template_id).activations)


def template_params(template_id: str) -> list[str]:
    """Names of the family's own params (activation params such as alpha are accepted too)."""
    return [spec.name for spec in template(template_id).params]
