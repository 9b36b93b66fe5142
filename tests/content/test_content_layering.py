"""The content package stays below questions and the TUI: importing it pulls in neither."""

import subprocess
import sys


def test_content_imports_neither_textual_nor_questions() -> None:
    probe = (
        "import sys; from quizapp.content import load_library; load_library(None); "
        "print(sorted(m for m in ('textual', 'quizapp.questions', 'quizapp.study') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
