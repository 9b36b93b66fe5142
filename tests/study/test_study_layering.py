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
