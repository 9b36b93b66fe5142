"""The guides live in the repository and name files that exist, so a clone has its map."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ["ARCHITECTURE.md", "CONTRIBUTING.md"]


def test_the_readme_points_at_the_guides_in_the_repository() -> None:
    development = (ROOT / "README.md").read_text(encoding="utf-8").split("## Development", 1)[1]
    for guide in GUIDES:
        assert f"`{guide}`" in development
    assert "shared" not in development


@pytest.mark.parametrize("guide", GUIDES)
def test_every_path_a_guide_names_exists(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:quizapp|tests|content|benchmarks)/[\w./<>-]*?)`", text))
    named = [path for path in paths if "<" not in path]
    assert named
    missing = [path for path in named if not (ROOT / path).exists()]
    assert not missing
