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


def _recipe(title: str) -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return text.split(f"## Recipe: {title}", 1)[1].split("\n## ", 1)[0]


def test_the_card_kind_recipe_matches_the_registry_and_the_views() -> None:
    """Each name the recipe sends a contributor to is where it says, and the answer styles and
    mock roles it lists are the registry's."""
    from typing import get_args

    import quizapp.content.kinds as kinds
    import quizapp.content.schema as schema
    import quizapp.tui.widgets.views as views
    from quizapp.tui.widgets.card_view import CardView

    recipe = _recipe("a new card kind")
    for module, name in [
        (schema, "CardSpec"),
        (kinds, "KINDS"),
        (views, "VIEWS"),
        (views, "CardView"),
    ]:
        assert f"`{name}`" in recipe and hasattr(module, name)
        assert f"`{module.__name__.replace('.', '/')}.py`" in recipe
    assert set(views.VIEWS) == set(get_args(kinds.AnswerStyle))
    assert all(issubclass(view, CardView) for view in views.VIEWS.values())
    listed = set(re.findall(r"`(\w+)`", recipe.split("answer style (", 1)[1].split(")", 1)[0]))
    assert listed == set(get_args(kinds.AnswerStyle)), "update the recipe's answer styles"
    roles = set(re.findall(r"`(\w+)`", recipe.split("mock role (", 1)[1].split(")", 1)[0]))
    assert roles == set(get_args(kinds.MockRole)), "update the recipe's mock roles"
