"""`quizapp schema`: the JSON Schema of a deck file, on stdout or into a file."""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.cli import main
from quizapp.content import bundled_content_dir
from quizapp.content.yamlsource import read_source


def test_prints_a_json_schema_of_deck_files(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"deck", "section", "functions", "cards"}
    kinds = schema["properties"]["cards"]["items"]["discriminator"]["mapping"]
    assert set(kinds) == {"definition", "formula", "interview", "choice", "numeric", "code"}
    choice = schema["$defs"]["ChoiceCard"]
    assert {"id", "kind", "question", "options", "answer"} <= set(choice["required"])
    assert choice["additionalProperties"] is False


def test_every_key_of_the_bundled_files_is_in_the_schema(capsys) -> None:
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    for path in sorted(bundled_content_dir().glob("*.yaml")):
        source, problems = read_source(path)
        assert source is not None and not problems
        assert set(source.data) <= set(schema["properties"]), path.name


def test_output_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "deck.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    main(["schema"])
    assert target.read_text(encoding="utf-8") == capsys.readouterr().out


def test_unwritable_output_is_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["schema", "--output", str(tmp_path / "no" / "such" / "dir.json")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("quizapp schema: error: cannot write ")
    assert captured.err.count("\n") == 1
