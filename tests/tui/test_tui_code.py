"""Practice → Code: pick an exercise, type a solution, run the hidden tests, see each case."""

from __future__ import annotations

from helpers import burst, settle, shown, wait_ready
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList, TextArea

from quizapp.study.store.code_attempts import last_attempt
from quizapp.tui.screens.code import CodePickScreen, CodeScreen

STABLE_CROSS_ENTROPY_WITHOUT_MEAN = (
    "import numpy as np\n"
    "def softmax_cross_entropy(logits, labels):\n"
    "    z = logits - logits.max(axis=1, keepdims=True)\n"
    "    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))\n"
    "    rows = np.arange(len(labels))\n"
    "    grad = np.exp(log_p)\n"
    "    grad[rows, labels] -= 1\n"
    "    return -log_p[rows, labels].mean(), grad\n"
)
SLOW_RELU = (
    "import time\nimport numpy as np\ndef relu(x):\n    time.sleep(0.6)\n"
    "    return np.maximum(x, 0)\n"
)


async def _highlight_exercise(app, pilot, exercise_id: str) -> OptionList:
    """Practice → ctrl+o, the exercise highlighted in the list (not opened yet)."""
    await wait_ready(pilot)
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    picker = app.screen
    assert isinstance(picker, CodePickScreen)
    options = picker.query_one(OptionList)
    options.highlighted = options.get_option_index(exercise_id)
    return options


async def _open_exercise(app, pilot, exercise_id: str) -> CodeScreen:
    await _highlight_exercise(app, pilot, exercise_id)
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CodeScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_type_a_solution_run_it_and_see_every_case(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        assert editor.text.startswith("import numpy as np")
        assert editor.language == "python"
        editor.text = ""
        await pilot.press(*"relu = lambda x: x * (x > 0)")
        assert editor.text == "relu = lambda x: x * (x > 0)"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#code-status").startswith("6/6 cases passed (solved)")
        results = shown(app, "#code-results-text")
        assert "✓ random vector of 8" in results
        assert "✓ float32 stays float32" in results
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "np.maximum(x, 0)" in shown(app, "#code-results-text")
        await app.workers.wait_for_complete()
        attempt = last_attempt(app.workspace.store, "code-relu")
        assert attempt is not None
        assert (attempt.code, attempt.passed, attempt.total) == (editor.text, 6, 6)


async def test_enter_indents_the_next_line_as_python_expects(make_app) -> None:
    """Textual's TextArea starts a new line at column 0; a function body typed into the editor
    keeps its indentation, deeper after a `:`, shallower after `return`."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        editor.text = ""
        await pilot.press(*"def relu(x):", "enter", *"if True:", "enter", *"return x", "enter")
        await pilot.press(*"y = 1")
        assert editor.text == "def relu(x):\n    if True:\n        return x\n    y = 1"


async def test_typing_in_a_fresh_exercise_writes_the_body_in_place_of_its_placeholder(
    make_app,
) -> None:
    """The cursor starts on the starter's `...`, selected: the first keys write the function's
    body there, not before the import line at the top."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        starter = screen.exercise.starter
        await pilot.press(*"return np.maximum(x, 0)")
        assert editor.text == starter.replace("...", "return np.maximum(x, 0)") + "\n"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#code-status").startswith("6/6 cases passed")


async def test_ctrl_r_typed_right_behind_the_code_runs_all_of_it(make_app) -> None:
    """A burst: ctrl+r, a priority key, ran the tests before the editor had taken the code typed
    ahead of it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        burst(app, *"return np.maximum(x, 0)", "ctrl+r")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "return np.maximum(x, 0)" in screen.query_one(TextArea).text
        assert shown(app, "#code-status").startswith("6/6 cases passed")


async def test_keys_typed_with_the_enter_that_opens_an_exercise_wait_for_its_editor(
    make_app, monkeypatch
) -> None:
    """A burst that opens an exercise and goes on typing (tmux, a fast typist): the keys after
    `enter` neither move the list behind nor vanish in the editor still read-only while the
    last attempt is read (slowed here); they write the body in order."""
    import time

    from quizapp.tui.screens import code

    def slow_last_attempt(store, card_id):
        time.sleep(0.4)
        return None

    monkeypatch.setattr(code, "last_attempt", slow_last_attempt)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        options = await _highlight_exercise(app, pilot, "code-relu")
        burst(app, "enter", "end", "down", *"return np.maximum(x, 0)")
        await app.workers.wait_for_complete()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CodeScreen) and screen.card.id == "code-relu"
        assert options.highlighted == options.get_option_index("code-relu")
        body = screen.exercise.starter.replace("...", "return np.maximum(x, 0)")
        assert screen.query_one(TextArea).text == body + "\n"


async def test_a_restored_attempt_is_typed_on_at_its_end(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        screen.query_one(TextArea).text = "import numpy as np\ndef relu(x):\n    return x"
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        await pilot.press(*" * (x > 0)")
        assert editor.text == "import numpy as np\ndef relu(x):\n    return x * (x > 0)"


async def test_a_task_cut_at_80x24_says_how_to_read_it_as_in_a_mock(make_app) -> None:
    """The cross-entropy task is cut at "… and grad =" by its 5-line box: the status line names
    shift+tab (the editor takes tab), which reaches the task to scroll it; tab goes back."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_exercise(app, pilot, "code-softmax-cross-entropy")
        await pilot.pause()
        task = screen.query_one("#code-task", VerticalScroll)
        assert task.max_scroll_y > 0
        assert shown(app, "#code-status") == (
            "ctrl+r runs the hidden tests · shift+tab reads the whole task"
        )
        await pilot.press("shift+tab")
        assert task.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert task.scroll_y == task.max_scroll_y
        await pilot.press("tab")
        assert screen.query_one(TextArea).has_focus
        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        await pilot.pause()
        assert shown(app, "#code-status") == "ctrl+r runs the hidden tests"


async def test_a_failing_case_is_named_with_its_reason(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_exercise(app, pilot, "code-softmax")
        screen.query_one(TextArea).text = (
            "import numpy as np\ndef softmax(x):\n    e = np.exp(x)\n"
            "    return e / e.sum(axis=-1, keepdims=True)\n"
        )
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#code-status").startswith("6/7 cases passed (43%: not stable)")
        assert (
            "✗ large logits [1000, 1001]: RuntimeWarning: overflow encountered in exp (line 3)"
            " — not stable, the point of this exercise: the score is halved"
            in shown(app, "#code-results-text")
        )


async def test_code_pasted_with_cr_line_ends_lands_as_lines_and_runs(make_app) -> None:
    """Terminals send a paste's newlines as CR (xterm, VTE, tmux): they are line ends."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        editor.text = ""
        app.post_message(
            events.Paste("import numpy as np\r\rdef relu(x):\r\n    return np.maximum(x, 0)\r")
        )
        await pilot.pause()
        assert editor.text == "import numpy as np\n\ndef relu(x):\n    return np.maximum(x, 0)\n"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#code-status").startswith("6/6 cases passed (solved)")


async def test_keys_are_handled_while_the_tests_run(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_exercise(app, pilot, "code-relu")
        editor = screen.query_one(TextArea)
        editor.text = SLOW_RELU
        editor.move_cursor(editor.document.end)
        await pilot.press("ctrl+r")
        await pilot.press("#")
        assert screen.running
        assert editor.text.endswith("#")
        assert shown(app, "#code-status") == "running the tests…"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.running
        assert "cases passed" in shown(app, "#code-status")


async def test_hints_come_one_at_a_time_and_the_attempt_is_restored(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_exercise(app, pilot, "code-softmax")
        assert screen.check_action("solution", ()) is None
        await pilot.press("ctrl+t")
        await pilot.pause()
        hints = shown(app, "#code-hints")
        assert "Hint 1/3" in hints and "Hint 2/3" not in hints
        await pilot.press("ctrl+t", "ctrl+t")
        await pilot.pause()
        assert "Hint 3/3" in shown(app, "#code-hints")
        assert screen.check_action("hint", ()) is None
        screen.query_one(TextArea).text = "# my attempt\n"
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CodePickScreen)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "# my attempt\n"


async def test_external_editor_without_editor_set_says_how(make_app, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_exercise(app, pilot, "code-relu")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "Set $EDITOR" in list(app._notifications)[-1].message


async def test_a_code_card_in_review_starts_from_the_starter_and_proposes_a_rating(
    make_app,
) -> None:
    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        workspace = app.workspace
        relu = next(card for card in workspace.cards if card.id == "code-relu")
        assert relu.exercise is not None
        await app.push_screen(ReviewScreen(ReviewSession(workspace.store, [relu]), "Review"))
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one("#code-view-editor", TextArea)
        assert editor.text == relu.exercise.starter + "\n"
        assert editor.has_focus
        await pilot.press(*"return np.maximum(x, 0)")
        assert editor.text == relu.exercise.starter.replace("...", "return np.maximum(x, 0)") + "\n"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state == "graded"
        assert "6/6 cases passed" in shown(app, "#code-view-status")
        assert "Model solution:" in shown(app, "#code-view-results")
        assert screen.proposed is not None and screen.proposed.name == "Good"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (review,) = workspace.store.reviews_of("code-relu")
        assert review.correct is True
        assert "np.maximum" in (review.response or "")


async def test_a_run_in_review_shows_that_it_is_running_at_80x24(make_app) -> None:
    """The card's task pushes the status line below the fold: ctrl+r brings it into view."""
    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        sigmoid = next(card for card in app.workspace.cards if card.id == "code-sigmoid")
        screen = ReviewScreen(ReviewSession(app.workspace.store, [sigmoid]), "Review")
        await app.push_screen(screen)
        await pilot.pause()
        status = screen.query_one("#code-view-status")
        scroll = screen.query_one("#card-scroll", VerticalScroll)
        scroll.scroll_home(animate=False)  # as after the card before: the task on top
        await pilot.pause()
        assert not scroll.region.contains_region(status.region)
        screen.query_one(TextArea).text = SLOW_RELU.replace("relu", "sigmoid")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert shown(app, "#code-view-status") == "running the tests…"
        assert scroll.region.contains_region(status.region)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.state == "graded"


async def test_ctrl_z_in_a_code_card_undoes_an_edit_else_the_last_answer(make_app) -> None:
    """The editor keeps ctrl+z while its text differs from the starter code; untouched (the
    starter as shown, or every edit undone), or graded (read-only), ctrl+z undoes the last
    answer as on every other card."""
    from quizapp.study import ReviewSession
    from quizapp.tui.dialogs import KeysScreen
    from quizapp.tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        cards = [card for card in app.workspace.cards if card.id in ("code-relu", "code-sigmoid")]
        screen = ReviewScreen(ReviewSession(store, cards), "Review")
        await app.push_screen(screen)
        await pilot.pause()
        editor = screen.query_one("#code-view-editor", TextArea)

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()

        async def answer() -> None:
            await press("ctrl+r")
            assert screen.state == "graded" and editor.read_only
            await press("3")

        first = screen.item.card
        await answer()
        second = screen.item.card
        assert second is not first and editor.has_focus
        starter = editor.text

        await press("x")
        assert editor.text == starter.replace("...", "x")
        await press("f1")
        assert isinstance(app.screen, KeysScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(map(str, table.get_row_at(row))) for row in range(table.row_count)]
        assert ("^z", "Undo an edit (untouched or graded: the last answer)") in rows
        await press("escape")
        await press("ctrl+z")
        assert editor.text == starter
        await press("ctrl+z")
        assert screen.item.card is first and store.reviews_of(first.id) == []
        await answer()
        assert screen.item.card is second

        await press("ctrl+r")
        assert screen.state == "graded" and editor.read_only
        await press("ctrl+z")
        assert screen.item.card is first and store.reviews_of(first.id) == []

        await answer()
        assert screen.item.card is second and editor.text == starter
        await press("ctrl+z")
        assert screen.item.card is first and store.reviews_of(first.id) == []


async def test_a_stray_key_undone_in_a_code_card_leaves_the_bury_before_undoable(
    make_app,
) -> None:
    """Bury a card, type a stray `u` into the next code card's editor, undo it: the editor is
    the starter code again, so the footer offers Undo and ctrl+z brings the buried card back."""
    from textual.widgets._footer import FooterKey

    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        store = app.workspace.store
        cards = [card for card in app.workspace.cards if card.id in ("code-relu", "code-sigmoid")]
        screen = ReviewScreen(ReviewSession(store, cards), "Review")
        await app.push_screen(screen)
        await pilot.pause()
        editor = screen.query_one("#code-view-editor", TextArea)

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()

        def footer() -> dict[str, str]:
            return {key.key: key.description for key in screen.query(FooterKey)}

        buried = screen.item.card
        await press("ctrl+b")
        assert screen.item.card is not buried and editor.has_focus
        starter = editor.text
        await press("u")
        assert editor.text == starter.replace("...", "u")
        await press("ctrl+z")
        assert editor.text == starter
        assert footer().get("ctrl+z") == "Undo"
        await press("ctrl+z")
        assert screen.item.card is buried


async def test_undo_gives_a_code_card_back_with_the_code_and_its_run(make_app) -> None:
    """As rated: the code written (not the starter again), its cases and the proposal."""
    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        relu = next(card for card in app.workspace.cards if card.id == "code-relu")
        screen = ReviewScreen(ReviewSession(app.workspace.store, [relu]), "Review")
        await app.push_screen(screen)
        await pilot.pause()
        editor = screen.query_one("#code-view-editor", TextArea)
        written = "import numpy as np\ndef relu(x):\n    return np.maximum(x, 0)\n"
        editor.text = written
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.workspace.store.reviews_of("code-relu") == []
        assert editor.text == written and editor.read_only
        assert "6/6 cases passed" in shown(app, "#code-view-status")
        assert screen.state == "graded" and screen.proposed is not None


async def test_a_code_card_at_80x24_reads_its_task_and_shows_its_results(make_app) -> None:
    """At 80x24 the focused editor scrolls the task away: the status line names shift+tab (as
    in Practice and in a mock), tab comes back; after a run the first results are in view,
    under the editor, not below the fold."""
    from quizapp.study import ReviewSession
    from quizapp.tui.screens.review import ReviewScreen
    from quizapp.tui.widgets.code_view import RESULT_ROWS

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        cards = [c for c in app.workspace.cards if c.id == "code-softmax-cross-entropy"]
        screen = ReviewScreen(ReviewSession(app.workspace.store, cards), "Review")
        await app.push_screen(screen)
        await settle(pilot)
        scroll = screen.query_one("#card-scroll", VerticalScroll)
        editor = screen.query_one("#code-view-editor", TextArea)
        task = screen.query_one("#code-view-task")
        assert editor.has_focus and scroll.scroll_y > 0
        assert shown(app, "#code-view-status") == (
            "ctrl+r runs the tests · shift+tab reads the whole task"
        )
        await pilot.press("shift+tab", "pageup")
        await pilot.pause()
        assert scroll.has_focus and scroll.region.contains_region(task.region)
        await pilot.press("tab")
        await pilot.pause()
        assert editor.has_focus
        editor.text = STABLE_CROSS_ENTROPY_WITHOUT_MEAN
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert screen.state == "graded"
        status = screen.query_one("#code-view-status")
        results = screen.query_one("#code-view-results")
        assert scroll.region.contains_region(status.region)
        seen = scroll.content_region.intersection(results.region)
        assert seen.height >= RESULT_ROWS
        assert scroll.content_region.intersection(editor.region).height >= 8
