"""The app as a user opens it: home, keys, palette, theme memory, broken decks and databases."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from helpers import settle, shown, wait_ready
from textual.widgets import DataTable

from quizapp.study import Rating, open_store
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs import KeysScreen
from quizapp.tui.screens.home import HomeScreen


async def test_home_shows_today_and_opens_every_mode(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        today = shown(app, "#home-today")
        assert "Due now: 0" in today
        assert "New: 20" in today
        assert "Streak: 0 days" in today
        for key, screen_name in (
            ("r", "ReviewScreen"),
            ("p", "PracticeSetupScreen"),
            ("b", "BrowseScreen"),
            ("s", "StatsScreen"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == screen_name
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_question_mark_lists_the_keys_of_the_current_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        table = app.screen.query_one(DataTable)
        actions = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert actions[:8] == [
            "Keys",
            "Keys",
            "Review",
            "Choose",
            "Practice",
            "Browse",
            "Stats",
            "Mock",
        ]
        assert {"Down", "Changed cards"} <= set(actions[8:])  # keys the Footer does not show
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_command_palette_offers_the_main_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Review", "Practice", "Browse", "Stats", "Theme", "Quit"} <= titles


async def test_theme_is_remembered_across_runs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    reopened = make_app()
    async with reopened.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert reopened.theme == "nord"


async def test_broken_user_deck_is_reported_and_the_rest_loads(make_app, data_dir: Path) -> None:
    deck = data_dir / "decks" / "mine"
    deck.mkdir(parents=True)
    (deck / "cards.yaml").write_text("cards:\n  - kind: definition\n    id: x\n    term: [\n")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        messages = [notification.message for notification in app._notifications]
        assert any("cards.yaml:" in message for message in messages)
        assert app.workspace is not None
        assert len(app.workspace.cards) > 50
        assert "New: 20" in shown(app, "#home-today")


async def test_a_deck_with_many_problems_is_one_notice_that_points_to_validate(
    make_app, data_dir: Path
) -> None:
    """One notice per skipped file, its first problems and how many more: a dozen notices
    scrolled off an 80x24 screen and vanished before they could be read."""
    deck = data_dir / "decks" / "mine"
    deck.mkdir(parents=True)
    (deck / "cards.yaml").write_text(
        "cards:\n"
        + "".join(
            f"  - kind: definition\n    id: c{i}\n    term: T{i}\n    meaning: M\n    colour: red\n"
            for i in range(5)
        )
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        skipped = [n for n in app._notifications if n.title == "Deck skipped"]
        assert len(skipped) == 1
        (notice,) = skipped
        assert notice.message.count("unknown field") == 3
        assert "… and 2 more problems: `quizapp validate " in notice.message
        assert notice.message.rstrip("`").endswith("cards.yaml` lists them all")


async def test_corrupt_database_is_reported_and_kept(make_app, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database = data_dir / "quizapp.sqlite3"
    garbage = b"this is not a database" * 100
    database.write_bytes(garbage)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert app.workspace is None
        assert str(database) in shown(app, "#home-today")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert database.read_bytes() == garbage


async def test_content_markup_is_shown_literally(make_app, tmp_path: Path, clock) -> None:
    deck = tmp_path / "markup-deck"
    deck.mkdir()
    (deck / "cards.yaml").write_text(
        "deck:\n  name: markup\n  title: Markup [bold]deck[/]\n"
        "cards:\n  - kind: definition\n    id: markup-card\n"
        '    term: "[bold red]Loud[/] term"\n    meaning: "[/] closes [i]nothing"\n'
    )
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        from quizapp.study import ReviewSession
        from quizapp.tui.screens.review import ReviewScreen

        card = app.workspace.library.card("markup-card")
        await app.push_screen(ReviewScreen(ReviewSession(app.workspace.store, [card]), "Review"))
        await pilot.pause()
        assert "[bold red]Loud[/] term" in shown(app, "#card-front")
        await pilot.press("space")
        await pilot.pause()
        assert "[/] closes [i]nothing" in shown(app, "#card-back")


async def test_reopening_keeps_answers_given_before_quitting(
    make_app, data_dir: Path, clock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        first = app.screen.item.card.id
        await pilot.press("space", "3")
        await pilot.pause()
        await pilot.press("ctrl+q")
    with open_store(data_dir, clock) as store:
        assert [review.card_id for review in store.iter_reviews()] == [first]


async def test_warnings_naming_a_path_with_markup_are_shown_literally(
    make_app, tmp_path: Path
) -> None:
    missing = tmp_path / "[/]deck[b]"
    app = make_app(missing)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_ready(pilot)
        toast = app.screen.query_one("Toast")
        assert str(missing) in str(toast.render())


async def test_a_data_dir_failure_naming_markup_is_shown_literally(tmp_path: Path, clock) -> None:
    blocker = tmp_path / "[/]data[b]"
    blocker.parent.mkdir()
    blocker.write_text("a file where the data dir should be")
    app = QuizApp(blocker, clock=clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_ready(pilot)
        assert app.workspace is None
        assert str(blocker) in str(app.screen.query_one("Toast").render())


async def test_home_counts_scheduled_reviews_apart_from_practice(make_app) -> None:
    """Issue 13.4: a practice-only day showed as done reviews and extended the streak."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        card = app.workspace.cards[0]
        store.record_unscheduled("practice", Rating.Good, day=store.today(), card=card)
        store.record_unscheduled("cram", Rating.Good, day=store.today(), card=card)
        await pilot.press("s", "escape")
        await settle(pilot)
        today = shown(app, "#home-today")
        assert "Done today: 0   Practice/cram: 2" in today
        assert "Streak: 0 days" in today


async def test_home_refreshes_at_the_day_rollover(make_app, clock, monkeypatch) -> None:
    """Issue 13.4: left open overnight, home kept yesterday's numbers."""
    monkeypatch.setattr(HomeScreen, "DAY_CHECK_SECONDS", 0.05)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r", "space", "3", "escape")
        await settle(pilot)
        assert "Done today: 1" in shown(app, "#home-today")
        assert "Streak: 1 day" in shown(app, "#home-today")
        clock.set(clock.now().replace(hour=3, minute=59) + timedelta(days=1))
        await pilot.pause(0.2)
        await settle(pilot)
        assert "Done today: 1" in shown(app, "#home-today")
        clock.advance(minutes=1)
        await pilot.pause(0.2)
        await settle(pilot)
        assert "Done today: 0" in shown(app, "#home-today")
        assert "Streak: 1 day" in shown(app, "#home-today")
