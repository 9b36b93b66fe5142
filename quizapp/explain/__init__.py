"""Listening for key points: does a typed explanation cover the points an interviewer checks?

A key point may carry cues — words and phrasings that show it was covered. The matcher normalises
case, Unicode and punctuation, stems, tolerates typos and respects negation, and reports for each
point whether it was covered and the words of the answer that showed it. This package imports
nothing else of quizapp, so content validation and every screen can use it.
"""

from quizapp.explain.cues import cue_problem
from quizapp.explain.matcher import (
    HasKeyPoints,
    Heard,
    KeyPoint,
    PointResult,
    evidence_lines,
    heard_points,
    judge_answer,
    key_points,
    match_key_points,
)

__all__ = [
    "HasKeyPoints",
    "Heard",
    "KeyPoint",
    "PointResult",
    "cue_problem",
    "evidence_lines",
    "heard_points",
    "judge_answer",
    "key_points",
    "match_key_points",
]
