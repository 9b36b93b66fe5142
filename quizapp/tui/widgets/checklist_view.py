"""Answer aloud and reveal, or type the answer first; then tick the key points covered. A typed
answer stays on show above the model answer and arrives pre-ticked by the key-point matcher, each
point with the words that showed it; every tick re-submits the set (with the typed answer, which
the log keeps)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.explain import evidence_lines
from quizapp.safe_text import inert
from quizapp.study.answering import CodeAnswer, KeyPointsGrade, Ticked
from quizapp.tui.widgets.flashcard_view import FlashcardView
from quizapp.tui.widgets.ordered_input import ANSWER_LENGTH, AnswerInput
from quizapp.tui.widgets.tick_list import TickList

if TYPE_CHECKING:
    from quizapp.study import Graded, StudyItem
    from quizapp.study.answering import Response

TICK_HINT = "Key points you covered (space ticks, then rate)"
CHECKING = "Checking your answer…"
SUGGESTED_HINT = "Key points heard: suggested ticks (space changes one, then rate)"


class KeyPoints(TickList[int]):
    """A card's key points to tick with `space`. Textual's lists also tick on `enter`; here
    `enter` is left to the screen, where it records the proposed rating (the rating bar says
    so): pressed to accept a suggestion, it must not change one."""

    BINDINGS = [Binding("enter", "leave_to_screen", show=False)]

    def action_select(self) -> None:
        """Tick or untick at once: the parent ticks when its own message comes back, after the
        keys queued behind `space`, so a rating typed right after (a burst, or keys held while
        the answer was judged) would miss the tick."""
        highlighted = self.highlighted
        if highlighted is not None and not self.get_option_at_index(highlighted).disabled:
            self._toggle_highlighted_selection()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_to_screen":
            return False
        return super().check_action(action, parameters)


class ExplanationBox(AnswerInput):
    """The typed answer's box: `space` while it is empty (or blank) reveals, as its placeholder
    promises and as `enter` there does, instead of typing a space nobody meant as an answer."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space" and not self.value.strip() and not self.waiting:
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)


class ChecklistView(FlashcardView):
    DEFAULT_CSS = """
    ChecklistView { height: auto; }
    ChecklistView #typed-answer { margin-top: 1; }
    ChecklistView.-revealed #typed-answer { display: none; }
    ChecklistView #your-answer { display: none; height: auto; margin-top: 1; }
    ChecklistView.-revealed.-answered #your-answer { display: block; }
    ChecklistView #key-points { display: none; }
    ChecklistView #heard { display: none; height: auto; padding: 0 1; }
    ChecklistView.-revealed.-typed #heard, ChecklistView.-checking #heard { display: block; }
    ChecklistView.-revealed.-has-points #key-points { display: block; }
    """

    class RevealWanted(Message):
        """Enter in an empty answer box: reveal as `space` does."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.answer_typed = ""
        """The explanation typed for the card on show ("" when it was revealed without one)."""

    def compose(self) -> ComposeResult:
        yield ExplanationBox(
            placeholder="tab or enter: type your answer here; space reveals without typing",
            id="typed-answer",
            max_length=ANSWER_LENGTH,
        )
        yield Static("", id="your-answer", markup=False)
        yield Static("", id="card-back", markup=False)
        points = KeyPoints(id="key-points")
        points.border_title = TICK_HINT
        yield points
        yield Static("", id="heard", markup=False)

    def show(self, item: StudyItem) -> None:
        super().show(item)
        self.set_class(bool(item.card.key_points), "-has-points")
        self.remove_class("-typed", "-answered", "-checking")
        self.answer_typed = ""
        box = self.query_one("#typed-answer", Input)
        box.value = ""
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            # Asked afresh, as the first card is: the focus left on the key points of the card
            # before would move, as they hide, to the box, where space then typed a space.
            self.screen.set_focus(None)
        self._fill(covered=frozenset())
        self.query_one("#key-points", SelectionList).border_title = TICK_HINT

    def has_unsent_answer(self) -> bool:
        return bool(self.query_one("#typed-answer", Input).value.strip())

    def type_answer(self) -> None:
        self.query_one("#typed-answer", Input).focus()

    def reveal(self) -> None:
        """Also the end of a typed answer's wait (its verdict, or a blank box's reveal): keys
        typed on in the box after enter were kept, and come back now to the key points."""
        super().reveal()
        if self.has_class("-has-points"):
            points = self.query_one("#key-points", SelectionList)
            points.highlighted = 0
            self.screen.set_focus(points)  # now: keys held meanwhile come back to the list
        self.query_one("#typed-answer", AnswerInput).verdict_given()

    def restore(self, response: Response) -> None:
        """The answer as it was rated: the typed explanation (graded again, so the words heard
        come back), then the ticks as they were given, when they were given by hand."""
        if isinstance(response, CodeAnswer):
            return
        typed = response if isinstance(response, str) else response.typed
        if typed:
            self.query_one("#typed-answer", Input).value = typed
            self._typed_answer(typed)
            self.post_message(self.Submitted(typed))
        if isinstance(response, Ticked):
            self.post_message(self.Submitted(response))

    def ticks_on_show(self) -> frozenset[int] | None:
        """The key points ticked on the revealed list, as the user sees them (None: not shown)."""
        if not self.has_class("-revealed") or not self.has_class("-has-points"):
            return None
        return frozenset(self.query_one("#key-points", SelectionList).selected)

    def checking(self) -> None:
        """The typed answer is being judged: say so at once (the verdict comes from a worker)."""
        self.query_one("#heard", Static).update(CHECKING)
        self.add_class("-checking")

    def not_checked(self, reason: str) -> None:
        """The judge failed: the answer revealed, its key points unticked, to tick by hand."""
        self.remove_class("-checking")
        self.query_one("#heard", Static).update(
            f"Your answer could not be checked ({reason}): tick the key points you covered."
        )
        self.add_class("-typed")
        self._fill(covered=frozenset())
        self.reveal()

    def show_graded(self, graded: Graded) -> None:
        """A typed answer's verdict: the key points pre-ticked by the matcher, with evidence.
        Ticks given by hand are on the list already, except when an undo gives them back."""
        grade = graded.grade
        self.remove_class("-checking")
        if self.item is None or not isinstance(grade, KeyPointsGrade):
            return
        if not grade.evidence:
            self._show_ticks(grade.covered)
            return
        self._fill(covered=grade.covered)
        self.query_one("#key-points", SelectionList).border_title = SUGGESTED_HINT
        self.query_one("#heard", Static).update("\n".join(evidence_lines(grade.evidence)))
        self.add_class("-typed")
        self.reveal()
        self.call_after_refresh(self._show_points)

    def _show_points(self) -> None:
        """Bring the suggested ticks into view, ready to be changed (the model answer above can
        fill a small terminal)."""
        points = self.query_one("#key-points", SelectionList)
        points.focus()
        points.scroll_visible(animate=False, top=True)

    def _show_ticks(self, covered: frozenset[int]) -> None:
        """The answer revealed with `covered` ticked (a no-op for the tick just given)."""
        points = self.query_one("#key-points", SelectionList)
        if frozenset(points.selected) != covered:
            highlighted = points.highlighted
            self._fill(covered)
            points.highlighted = highlighted
        if not self.has_class("-revealed"):
            self.reveal()

    def _fill(self, covered: frozenset[int]) -> None:
        """The card's key points, numbered, `covered` ones ticked (without re-submitting)."""
        assert self.item is not None
        points = self.query_one("#key-points", SelectionList)
        with points.prevent(SelectionList.SelectedChanged):
            points.clear_options()
            points.add_options(
                Selection(Content(f"{number}. {point}"), number - 1, number - 1 in covered)
                for number, point in enumerate(self.item.card.key_points, 1)
            )

    @on(Input.Submitted, "#typed-answer")
    def typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        self._typed_answer(text)
        self.post_message(self.Submitted(text) if text else self.RevealWanted())

    def _typed_answer(self, text: str) -> None:
        """`text` is the explanation given: it stays on show above the model answer."""
        self.answer_typed = text
        self.query_one("#your-answer", Static).update(f"Your answer\n\n{inert(text)}")
        self.set_class(bool(text), "-answered")

    @on(SelectionList.SelectedChanged, "#key-points")
    def covered_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        covered = frozenset(event.selection_list.selected)
        self.post_message(self.Submitted(Ticked(covered, self.answer_typed)))
