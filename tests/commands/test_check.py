"""`quizapp check`: each key point covered or not, with evidence; exit 2 when it cannot check."""

import json

from quizapp.cli import main

ANSWER = (
    "Gradients get smaller as the chain rule multiplies them, so early layers learn slowly. "
    "Sigmoid saturates. ReLU doesn't saturate."
)


def run(capsys, tmp_path, *args):
    code = main(["--data-dir", str(tmp_path), "check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lists_every_key_point_with_its_evidence(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "iq-vanishing-gradient", "--answer", ANSWER, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["card"] == "iq-vanishing-gradient"
    assert report["total"] == 4 == len(report["key_points"])
    assert report["covered"] == 4
    first = report["key_points"][0]
    assert set(first) == {"text", "covered", "evidence"}
    assert first["covered"] is True
    assert first["evidence"] in ANSWER


def test_text_output_marks_covered_and_missed_points(capsys, tmp_path):
    code, out, _ = run(
        capsys, tmp_path, "iq-dying-relu", "--answer", "Leaky ReLU has a small slope"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "iq-dying-relu: 1 of 5 key points covered"
    fixes = next(line for line in lines if line.startswith("  ✓ "))
    assert fixes.startswith("  ✓ Fixes: lower learning rate")
    assert lines[lines.index(fixes) + 1] == "      heard: “Leaky ReLU”"
    assert sum(line.startswith("  ✗ ") for line in lines) == 4


def test_a_negated_answer_covers_nothing(capsys, tmp_path):
    code, out, _ = run(
        capsys,
        tmp_path,
        "iq-relu-vs-sigmoid-tanh",
        "--answer",
        "tanh is not zero-centred",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["covered"] == 0


def test_unknown_card_and_card_without_key_points_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "no-such-card", "--answer", "x")
    assert (code, out) == (2, "")
    assert err == "quizapp check: error: no card with id 'no-such-card'\n"
    code, _, err = run(capsys, tmp_path, "mc-without-activation", "--answer", "x", "--json")
    assert code == 2
    assert "has no key points" in err
