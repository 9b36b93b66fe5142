"""The mock interview logic runs without a terminal: importing it never loads textual."""

import subprocess
import sys


def test_the_mock_package_does_not_import_textual() -> None:
    probe = (
        "import sys, quizapp.study.mock, quizapp.study.mock.planning;"
        " print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
