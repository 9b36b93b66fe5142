"""`quizapp validate`: a summary line per valid deck, every problem as file:line: field: message."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from quizapp.cli import main
from quizapp.content import bundled_content_dir

SUMMARY = re.compile(
    r"^activation-functions: (\d+) cards \(definition (\d+), formula (\d+), interview (\d+), "
    r"choice (\d+), numeric (\d+), code (\d+)\)$"
)


def deck(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "cards.yaml").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main([*args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_bundled_and_user_decks_by_default(tmp_path: Path, capsys) -> None:
    deck(
        tmp_path / "decks",
        "mine",
        """
        cards:
          - kind: definition
            id: mine-1
            term: t
            meaning: m
          - kind: choice
            id: mine-2
            question: q
            options: [a, b]
            answer: b
    """,
    )
    code, out, err = validate(capsys, "--data-dir", str(tmp_path), "validate")
    assert (code, err) == (0, "")
    assert len(out) == 2
    match = SUMMARY.match(out[0])
    assert match
    total, *kinds = map(int, match.groups())
    assert total == sum(kinds) and all(kinds)
    assert out[1] == "mine: 2 cards (definition 1, choice 1)"


def test_content_option_is_validated_too(tmp_path: Path, capsys) -> None:
    extra = deck(
        tmp_path, "extra", "cards:\n  - kind: definition\n    id: e\n    term: t\n    meaning: m\n"
    )
    code, out, _ = validate(
        capsys, "--data-dir", str(tmp_path / "data"), "--content", str(extra), "validate"
    )
    assert code == 0
    assert out[-1] == "extra: 1 card (definition 1)"


def test_problems_are_listed_with_exit_1(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    deck(
        tmp_path,
        "broken",
        """
        cards:
          - kind: choice
            id: formula-relu
            question: Which?
            options: [A, B]
            answer: C
          - kind: numeric
            id: n1
            title: t
            template: no-such-template
    """,
    )
    code, out, err = validate(capsys, "validate", "broken")
    assert code == 1
    assert out[0].startswith(
        "broken/cards.yaml:3: cards[0].id: duplicate id 'formula-relu' (first defined at "
    )
    assert out[1:] == [
        "broken/cards.yaml:6: cards[0].answer: answer 'C' is not one of the options: 'A', 'B'",
        "broken/cards.yaml:10: cards[1].template: unknown template 'no-such-template'; expected "
        "one of: activation-scalar, activation-vector, backprop-activation, derivative-point, "
        "derivative-vector, derive-then-evaluate, identify-activation, inactive-unit-fraction, "
        "log-softmax-logits, neuron-forward, softmax-cross-entropy-grad, softmax-jvp, "
        "softmax-logits, vanishing-gradient",
    ]
    assert err == "quizapp validate: 3 problems found\n"


def test_numeric_card_that_cannot_generate(tmp_path: Path, capsys) -> None:
    folder = deck(
        tmp_path,
        "numbers",
        """
        cards:
          - kind: numeric
            id: n1
            title: Softmax with a bad parameter
            template: softmax-logits
            params: {temperature: 2}
          - kind: numeric
            id: n2
            title: Vanishing gradient through ReLU layers
            template: vanishing-gradient
            activation: relu
    """,
    )
    code, out, _ = validate(capsys, "validate", str(folder))
    assert code == 1
    assert [line.split(": cannot generate: ")[0] for line in out] == [
        f"{folder / 'cards.yaml'}:3: cards[0]",
        f"{folder / 'cards.yaml'}:8: cards[1]",
    ]
    assert "temperature" in out[0] and "relu" in out[1]


def test_every_refused_param_of_a_card_is_told_in_one_run(tmp_path: Path, capsys) -> None:
    folder = deck(
        tmp_path,
        "numbers",
        """
        cards:
          - kind: numeric
            id: n1
            title: Leaky ReLU with three bad parameters
            template: activation-vector
            activation: leaky_relu
            params: {length: 500, decimals: 99, min: 1}
    """,
    )
    code, out, err = validate(capsys, "validate", str(folder))
    assert code == 1
    assert [line.split(": cannot generate: ")[1] for line in out] == [
        "param 'length' must be in 2..8, got 500",
        "param 'decimals' must be in 1..6, got 99",
        "template 'activation-vector' with activation 'leaky_relu' takes no param 'min';"
        " valid params: decimals, length, alpha",
    ]
    assert err == "quizapp validate: 3 problems found\n"


def test_validating_the_bundled_folder_itself(capsys) -> None:
    code, out, _ = validate(capsys, "validate", str(bundled_content_dir()))
    assert code == 0
    assert len(out) == 1 and SUMMARY.match(out[0])


def test_several_paths_report_each(tmp_path: Path, capsys) -> None:
    good = deck(
        tmp_path, "good", "cards:\n  - kind: definition\n    id: g\n    term: t\n    meaning: m\n"
    )
    bad = deck(tmp_path, "bad", "cards: [1]\n")
    missing = tmp_path / "missing"
    code, out, _ = validate(capsys, "validate", str(good), str(bad), str(missing))
    assert code == 1
    assert out == [
        "good: 1 card (definition 1)",
        f"{bad / 'cards.yaml'}:1: cards[0]: expected a mapping (key: value lines), got the "
        "number 1",
        f"{missing}: deck: no such file or folder",
    ]


def test_a_path_that_cannot_be_looked_at_is_a_problem(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As for a non-root user naming a deck inside a folder they may not enter.
    locked = deck(tmp_path, "locked", "cards: []\n")
    prefix = str(locked)
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.fspath(path).startswith(prefix):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    code, out, err = validate(capsys, "validate", str(locked))
    assert code == 1
    assert out == [f"{locked}: deck: cannot read it: Permission denied"]
    assert err == "quizapp validate: 1 problem found\n"


def test_a_bad_pair_is_generated_once_and_reported_on_every_card(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = "".join(
        f"""
          - kind: numeric
            id: n{index}
            title: Softmax {index}
            template: softmax-logits
            params: {{{"temperature: 2" if index % 2 else "length: 4"}}}
        """
        for index in range(6)
    )
    folder = deck(tmp_path, "numbers", "cards:" + cards)
    calls: list[str] = []

    import quizapp.questions

    real = quizapp.questions.generate

    def counted(template: str, *args: Any, **kwargs: Any) -> object:
        calls.append(template)
        return real(template, *args, **kwargs)

    monkeypatch.setattr(quizapp.questions, "generate", counted)
    code, out, _ = validate(capsys, "validate", str(folder))
    assert code == 1
    assert len(calls) == 2
    lines = [line.split(": cannot generate: ")[0] for line in out]
    assert lines == [f"{folder / 'cards.yaml'}:{3 + 6 * i}: cards[{i}]" for i in (1, 3, 5)]


def test_the_bundled_deck_is_validated_without_the_data_folder_or_the_scheduler(
    tmp_path: Path,
) -> None:
    """A Python with the content's packages but not platformdirs or fsrs (a checkout run as
    `python3 -m quizapp validate` before installing) still checks the bundled deck, and says
    that the user's own decks were not looked for and how to point at them."""
    missing = "import sys; sys.modules['platformdirs'] = sys.modules['fsrs'] = None; "
    run = "from quizapp.cli import main; sys.exit(main(['validate']))"
    env = {key: value for key, value in os.environ.items() if key != "QUIZAPP_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "-c", missing + run],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert SUMMARY.match(result.stdout.splitlines()[0])
    assert "your own decks were not checked" in result.stderr
    assert (
        "'platformdirs'" in result.stderr and "--data-dir DIR or QUIZAPP_DATA_DIR" in result.stderr
    )
