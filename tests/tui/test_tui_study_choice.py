"""Choosing what to study: a deck, section or tag; custom study; nothing due is no dead end; the
interview day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from helpers import last_message, settle, shown, wait_ready
from textual.widgets import Footer, Input, OptionList

from quizapp.study import FakeClock, Rating, ReviewSession, StudySettings, open_store
from quizapp.study.choices import StudyChoices
from quizapp.study.custom_study import extra_new_cards
from quizapp.study.store.reviews import Attempt
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs import AskScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.study_choice import StudyChoiceScreen
from quizapp.workspace import load_content


@dataclass(frozen=True)
class Grade:
    correct: bool
    score: float
    feedback: tuple[str, ...] = ()


MY_DECK = """cards:
  - kind: definition
    id: my-a
    term: Term A
    meaning: Meaning A
    tags: [mine]
  - kind: definition
    id: my-b
    term: Term B
    meaning: Meaning B
"""


def write_my_deck(data_dir: Path) -> None:
    (data_dir / "decks").mkdir(parents=True)
    (data_dir / "decks" / "mine.yaml").write_text(MY_DECK, encoding="utf-8")


def save_settings(data_dir: Path, clock: FakeClock, **values: object) -> None:
    with open_store(data_dir, clock) as store:
        StudySettings(**values).save(store)  # type: ignore[arg-type]


async def open_picker(pilot, key: str = "d") -> StudyChoiceScreen:
    await wait_ready(pilot)
    await pilot.press(key)
    await wait_ready(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StudyChoiceScreen)
    assert isinstance(screen.choices, StudyChoices)
    return screen


def option_index(screen: StudyChoiceScreen, text: str) -> int:
    options = screen.query_one("#choice-list", OptionList)
    for index in range(options.option_count):
        if text in str(options.get_option_at_index(index).prompt):
            return index
    raise AssertionError(f"no option {text!r}")


async def choose(pilot, screen: StudyChoiceScreen, text: str) -> None:
    options = screen.query_one("#choice-list", OptionList)
    options.highlighted = option_index(screen, text)
    await pilot.press("enter")
    await wait_ready(pilot)


async def answer_dialog(pilot, text: str) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, AskScreen)
    dialog.query_one("#ask-input", Input).value = text
    await pilot.press("enter")
    await wait_ready(pilot)


async def test_one_chosen_deck_is_reviewed_alone(make_app, data_dir: Path) -> None:
    write_my_deck(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        assert "0 due   2 new  Deck: mine" in str(
            screen.query_one("#choice-list", OptionList)
            .get_option_at_index(option_index(screen, "Deck: mine"))
            .prompt
        )
        await choose(pilot, screen, "Deck: mine")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.title == "Review · Deck: mine"
        seen = []
        while review.item is not None:
            seen.append(review.item.card.id)
            await pilot.press("space", "4")
            await settle(pilot)
        assert seen == ["my-a", "my-b"]
        assert "More to study: d on home" in shown(app, "#card-front")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_everything_due_is_the_default_one_key_away(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        assert screen.query_one("#choice-list", OptionList).highlighted == 0
        await pilot.press("enter")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.title == "Review"


async def test_a_tag_and_a_section_can_be_chosen(make_app, data_dir: Path) -> None:
    write_my_deck(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        await choose(pilot, screen, "Tag: mine")
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.session.counts().new == 1
        assert app.screen.item.card.id == "my-a"
        await pilot.press("escape")
        screen = await open_picker(pilot)
        await choose(pilot, screen, "Section: Quick Overview")
        assert isinstance(app.screen, ReviewScreen)
        assert {card.section for card, _source in app.screen.session.upcoming()} == {"overview"}


async def test_nothing_due_names_the_next_card_and_offers_custom_study(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    save_settings(data_dir, clock, new_per_day=1)
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, load_content(data_dir).cards)
        item = session.next()
        session.record(item, Rating.Easy)
        day = store.calendar().day_of(store.card_state(item.card.id).due)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot, "r")
        note = shown(app, "#choice-note")
        days = (day - clock.now().date()).days
        assert (
            f"Nothing is due now; the next card is due on {day.isoformat()} (in {days} days)."
            in (note)
        )
        options = screen.query_one("#choice-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Extra new cards today" in prompt for prompt in prompts)
        assert any("Review ahead" in prompt for prompt in prompts)
        assert options.highlighted == options.get_option_index("extra_new")
        await choose(pilot, screen, "Everything due")
        assert app.screen is screen
        assert last_message(app) == (
            "Nothing is due today: try extra new cards (n) or review ahead (a)."
        )

        await pilot.press("n")
        await pilot.pause()
        await answer_dialog(pilot, "none")
        assert "extra new cards must be a whole number, got 'none'" in shown(app, "#ask-error")
        await answer_dialog(pilot, "\u0663")  # an Arabic-Indic 3: Python's int() reads it
        assert "got '\u0663' (digits 0-9 only)" in shown(app, "#ask-error")
        await answer_dialog(pilot, "501")
        assert "extra new cards must be between 1 and 500, got 501" in shown(app, "#ask-error")
        await answer_dialog(pilot, "2")
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.session.counts().new == 2
        await pilot.press("escape")

        screen = await open_picker(pilot, "d")
        await pilot.press("a")
        await pilot.pause()
        await answer_dialog(pilot, str(days))
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.title == f"Review ahead ({days} days)"
        assert app.screen.item.card.id == item.card.id


async def test_weakest_families_are_drilled_without_touching_the_schedule(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    cards = load_content(data_dir).cards
    numeric = [card for card in cards if card.template is not None]
    weak = numeric[0].template
    with open_store(data_dir, clock) as store:
        for correct in (False, False, True):
            store.record_unscheduled(
                "practice",
                Rating.Good,
                day=store.today(),
                template=weak,
                attempt=Attempt(grade=Grade(correct, float(correct))),
            )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        assert f"Weakest families: {weak} 33%" in str(
            screen.query_one("#choice-list", OptionList)
            .get_option_at_index(option_index(screen, "Weakest families"))
            .prompt
        )
        await pilot.press("w")
        await wait_ready(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.title == f"Weakest families: {weak}"
        assert review.item.card.template == weak
        assert not review.is_scheduled


async def test_interview_day_is_checked_counted_down_and_reviewed_for(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, load_content(data_dir).cards)
        for _ in range(5):
            session.record(session.next(), Rating.Easy)
    app = make_app()
    today = clock.now().date()
    interview = today + timedelta(days=40)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(pilot)
        await pilot.press("t")
        await pilot.pause()
        await answer_dialog(pilot, "12/04/2026")
        assert "interview_date must be a date YYYY-MM-DD" in shown(app, "#ask-error")
        await answer_dialog(pilot, (today - timedelta(days=1)).isoformat())
        assert "must be today" in shown(app, "#ask-error")
        await answer_dialog(pilot, interview.isoformat())
        assert last_message(app) == f"Interview day: {interview.isoformat()}"
        screen = app.screen
        assert isinstance(screen, StudyChoiceScreen)
        assert f"Interview in 40 days ({interview.isoformat()})" in shown(app, "#choice-note")
        assert screen.choices is not None and screen.choices.below_target == 5
        unseen = len(load_content(data_dir).cards) - 5
        assert f"{unseen} cards are not studied yet: " in shown(app, "#choice-note")
        await pilot.press("i")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.session.counts().review == 5
        await pilot.press("escape")
        await wait_ready(pilot)
        assert f"Interview in 40 days ({interview.isoformat()})" in shown(app, "#home-today")
        await pilot.press("s")
        await wait_ready(pilot)
        summary = shown(app, "#stats-summary")
        assert f"Predicted recall on {interview.isoformat()}: " in summary
        assert "over 5 studied cards" in summary
    with open_store(data_dir, clock) as store:
        assert store.settings().interview_day == interview


async def test_an_interview_day_too_far_ahead_is_refused_and_a_stored_one_ignored(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    """Year 9999 broke stats and the "before the interview" session: the dialog refuses it, and
    one stored by an older version is named once on each screen instead of breaking them."""
    save_settings(data_dir, clock, interview_date="9999-12-31")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        note = shown(app, "#choice-note")
        assert "The interview day 9999-12-31 is ignored: it is more than ten years" in note
        assert "Cannot read" not in note
        option_index(screen, "Interview day: 9999-12-31 (ignored)")
        assert not any(
            "Before the interview" in str(option.prompt)
            for option in screen.query_one("#choice-list", OptionList).options
        )
        await pilot.press("t")
        await pilot.pause()
        await answer_dialog(pilot, "9999-12-31")
        assert "must be at most ten years ahead" in shown(app, "#ask-error")
        await pilot.press("escape")
        await pilot.press("escape")
        await wait_ready(pilot)
        await pilot.press("s")
        await wait_ready(pilot)
        summary = shown(app, "#stats-summary")
        assert "Cannot compute" not in summary
        assert summary.count("The interview day 9999-12-31 is ignored") == 1
        assert shown(app, "#stats-accuracy-counted").startswith("Counted: answers the app grades")


async def test_a_long_row_wraps_under_its_text_not_under_its_key(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    interview = clock.now().date() + timedelta(days=90)
    save_settings(data_dir, clock, interview_date=interview.isoformat())
    app = make_app()
    async with app.run_test(size=(76, 24)) as pilot:
        await open_picker(pilot)
        lines = [
            "".join(segment.text for segment in strip)
            for strip in app.screen._compositor.render_strips()
        ]
        row = next(index for index, line in enumerate(lines) if "i  Before the interview" in line)
        text_column = lines[row].index("Before the interview")
        continued = lines[row + 1]
        assert interview.isoformat() in continued, "the row wraps at 76 columns"
        assert continued.index(interview.isoformat()) == text_column


async def test_keyboard_typing_in_the_dialog(make_app: type[QuizApp]) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_picker(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("backspace", "0", "enter")
        await pilot.pause()
        assert "days ahead must be between 1 and 365, got 0" in shown(app, "#ask-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudyChoiceScreen)


async def test_custom_study_follows_the_highlighted_deck(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    """Review ahead reviews the highlighted deck's cards only; extra new cards raise today's
    limit, which is one for all decks (the screen says so), then study that deck."""
    write_my_deck(data_dir)
    cards = load_content(data_dir).cards
    bundled = next(card for card in cards if card.deck != "mine")
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, [card for card in cards if card.id in ("my-a", bundled.id)])
        while (item := session.next()) is not None:
            session.record(item, Rating.Easy)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_picker(pilot)
        assert shown(app, "#choice-custom") == (
            "n, a: extra new cards and review ahead for every deck"
            " (highlight a deck, section or tag for it alone)"
        )
        options = screen.query_one("#choice-list", OptionList)
        options.highlighted = option_index(screen, "Deck: mine")
        await pilot.pause()
        assert shown(app, "#choice-custom") == (
            "a: review ahead in Deck: mine · n: more new cards today (one limit for all decks),"
            " then study Deck: mine"
        )
        await pilot.press("a")
        await pilot.pause()
        assert shown(app, "#ask-question") == (
            "Review now the cards due in the next how many days? (Deck: mine)"
        )
        await answer_dialog(pilot, "60")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.title == "Review ahead (60 days) · Deck: mine"
        assert [card.id for card, _source in review.session.upcoming()] == ["my-a"]
        await pilot.press("escape")

        screen = await open_picker(pilot)
        options = screen.query_one("#choice-list", OptionList)
        options.highlighted = option_index(screen, "Deck: mine")
        await pilot.press("n")
        await pilot.pause()
        assert shown(app, "#ask-question") == (
            "How many more new cards today? (today's limit, for all decks;"
            " then Deck: mine is studied)"
        )
        await answer_dialog(pilot, "2")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.title == "Review · Deck: mine"
        assert {card.deck for card, _source in review.session.upcoming()} == {"mine"}
        assert screen.choices is not None
        assert extra_new_cards(app.workspace.store, screen.choices.today) == 2


async def test_the_highlighted_choice_stays_in_view_at_80x24(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    """With an interview day the notes above the list take six lines: the list fills what is
    left and scrolls within it (so its highlight stays in view), instead of the screen
    scrolling with the highlight below the bottom edge."""
    interview = clock.now().date() + timedelta(days=18)
    save_settings(data_dir, clock, interview_date=interview.isoformat())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_picker(pilot)
        options = screen.query_one("#choice-list", OptionList)
        for _ in range(15):
            await pilot.press("down")
        await pilot.pause()
        footer_top = screen.query_one(Footer).region.y
        assert options.region.bottom <= footer_top
        assert options.max_scroll_y > 0 and options.scroll_offset.y > 0
