"""Key points are plain text or {text, cues}; cues are checked at their file, line and field."""

from __future__ import annotations

from quizapp.content import deck_file_json_schema, load_deck, read_deck

CARD = """
    cards:
      - kind: interview
        id: mine-cues
        question: Why is tanh preferred over sigmoid in hidden layers?
        answer: Tanh is zero-centred and its gradient peaks at 1.
        key_points:
          - Tanh is zero-centred.
          - text: Its gradient peaks at 1, four times sigmoid's.
            cues: ["tanh′(0) = 1", steeper gradient]
"""


def test_a_key_point_may_carry_cues_beside_plain_ones(write_deck) -> None:
    card = load_deck(write_deck("mine", {"a.yaml": CARD})).cards[0]
    assert card.key_points == (
        "Tanh is zero-centred.",
        "Its gradient peaks at 1, four times sigmoid's.",
    )
    assert card.cues == ((), ("tanh′(0) = 1", "steeper gradient"))


def test_cues_are_not_part_of_what_the_learner_sees(write_deck) -> None:
    with_cues = load_deck(write_deck("a", {"a.yaml": CARD})).cards[0]
    plain = load_deck(
        write_deck(
            "b",
            {"a.yaml": CARD.replace('cues: ["tanh′(0) = 1", steeper gradient]', "cues: [x]")},
        )
    ).cards[0]
    assert with_cues.content_hash() == plain.content_hash()


def problems(write_deck, key_points: str) -> list[tuple[int, str, str]]:
    text = CARD.split("        key_points:")[0] + "        key_points:\n" + key_points
    deck, found = read_deck(write_deck("d", {"a.yaml": text}))
    assert deck is None
    return [(p.line, p.field, p.message) for p in found]


def test_a_cue_of_stop_words_only_is_refused_at_its_line(write_deck) -> None:
    assert problems(
        write_deck,
        """          - one
          - text: two
            cues: [vanishing, "of the"]
""",
    ) == [
        (
            9,
            "cards[0].key_points[1].cues[1]",
            "a cue needs at least one word, number or symbol that is not a stop word",
        )
    ]


def test_a_point_with_cues_needs_its_text_and_at_least_one_cue(write_deck) -> None:
    found = problems(
        write_deck,
        """          - cues: [vanishing]
          - text: two
            cues: []
""",
    )
    assert [(line, field) for line, field, _ in found] == [
        (7, "cards[0].key_points[0].text"),
        (9, "cards[0].key_points[1].cues"),
    ]


def test_the_json_schema_offers_both_forms_of_key_point() -> None:
    schema = deck_file_json_schema()
    interview = schema["$defs"]["InterviewCard"]["properties"]["key_points"]["items"]
    forms = interview["oneOf"] if "oneOf" in interview else interview["anyOf"]
    assert {"type": "string", "pattern": r"\S"} in forms
    assert {"$ref": "#/$defs/KeyPointSpec"} in forms
    assert schema["$defs"]["KeyPointSpec"]["required"] == ["text", "cues"]
