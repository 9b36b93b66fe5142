"""Study is a domain package: importing it (and every module in it) never loads textual."""

import subprocess
import sys


def test_study_does_not_import_textual() -> None:
    probe = (
        "import sys, pkgutil, importlib, quizapp.study as study\n"
        "for module in pkgutil.iter_modules(study.__path__):\n"
        "    importlib.import_module(f'quizapp.study.{module.name}')\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_sql_statement_of_study_lives_in_the_store_package() -> None:
    """Stats, content changes and mock interviews ask the store; none keeps SQL of its own."""
    from pathlib import Path

    import quizapp.study as study

    root = Path(study.__file__).parent
    sql = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", ".query(", ".transaction(")
    offenders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.parent.name != "store"
        and path.name != "migrations.py"
        and any(word in path.read_text(encoding="utf-8") for word in sql)
    )
    assert offenders == []
