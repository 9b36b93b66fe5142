"""The key-point matcher: normalisation, stems, typos, negation, evidence, and its properties."""

from __future__ import annotations

import string

from hypothesis import assume, given
from hypothesis import strategies as st

from quizapp.explain import KeyPoint, cue_problem, key_points, match_key_points
from quizapp.explain.cues import STOPWORDS
from quizapp.explain.text import tokenize

SIGMOID_MAX = KeyPoint("σ′(x) is at most 0.25.", ("σ′ ≤ 0.25", "sigmoid derivative 0.25"))
ZERO_CENTRED = KeyPoint("Tanh outputs are zero-centred.", ("zero-centred",))


def judge(answer: str, point: KeyPoint) -> tuple[bool, str]:
    (result,) = match_key_points(answer, [point])
    return result.covered, result.evidence


def test_symbols_match_their_ascii_and_unicode_spellings() -> None:
    assert judge("the max of sigma' is <= .250", SIGMOID_MAX) == (True, "sigma' is <= .250")
    assert judge("σ'(x) ≤ 0.25 everywhere", SIGMOID_MAX)[0]
    assert not judge("σ'(x) ≤ 0.5 everywhere", SIGMOID_MAX)[0]
    assert judge("σ′ ≤ ¼", KeyPoint("At most a quarter.", ("σ′ ≤ 1/4",)))[0]
    assert judge("d_ff ≈ ⅔ · 4d", KeyPoint("Width 2/3.", ("2/3",)))[0]


def test_case_hyphens_and_spelling_variants_agree() -> None:
    for answer in ("Tanh is Zero Centered", "tanh is zero-centred", "tanh: ZERO‑CENTRED"):
        assert judge(answer, ZERO_CENTRED)[0], answer


def test_shorthand_is_spelled_out() -> None:
    point = KeyPoint("a = f(z).", ("through the activation",))
    assert judge("then it goes thru the activaton", point) == (True, "thru the activaton")


def test_stems_match_other_forms_of_the_word() -> None:
    point = KeyPoint("Sigmoid saturates.", ("sigmoid saturates",))
    assert judge("saturation of the sigmoid kills the gradient", point) == (
        True,
        "saturation of the sigmoid",
    )


def test_negation_does_not_cover_the_point() -> None:
    assert not judge("sigmoid outputs are not zero-centred", ZERO_CENTRED)[0]
    assert not judge("sigmoid isn't zero-centred", ZERO_CENTRED)[0]
    assert not judge("sigmoid isnt zero-centred", ZERO_CENTRED)[0]
    assert judge("relu doesnt saturate", KeyPoint("ReLU: no saturation.", ("not saturate",)))[0]
    assert judge("sigmoid is not, but tanh is zero-centred", ZERO_CENTRED)[0]


def test_a_cue_that_says_not_needs_the_negation() -> None:
    point = KeyPoint("Sigmoid is not zero-centred.", ("not zero-centred",))
    assert judge("sigmoid isn't zero-centred", point) == (True, "isn't zero-centred")
    assert not judge("sigmoid is zero-centred", point)[0]


def test_non_prefix_negates_only_its_own_word() -> None:
    point = KeyPoint("ReLU is linear for positive inputs.", ("linear",))
    assert not judge("ReLU is non-linear", point)[0]
    assert not judge("ReLU is nonlinear", point)[0]
    nonlinear = KeyPoint("It is non-linear.", ("non-linear",))
    for answer in ("it is nonlinear", "it is non linear", "it is non-linear"):
        assert judge(answer, nonlinear)[0], answer


def test_a_no_right_before_a_cue_about_avoiding_it_is_what_the_cue_asks_for() -> None:
    point = KeyPoint("Same-sign updates force a zig-zag path.", ("zig-zag", "avoid zig-zag"))
    assert judge("so the weights get no zig-zag updates", point) == (True, "no zig-zag")
    assert judge("zero-centred inputs avoid zigzagging", point)[0]
    assert not judge("it does not avoid the zig-zag", point)[0]
    assert not judge("there is no zig-zag", KeyPoint("Zig-zag path.", ("zig-zag",)))[0]


def test_a_no_negates_only_the_phrase_right_after_it() -> None:
    point = KeyPoint("It keeps gradients flowing.", ("gradients flow",))
    assert judge("no saturation and gradients flow", point)[0]
    assert not judge("there are no gradients flowing back", point)[0]
    assert not judge("the gradients never flow back", point)[0]


def test_a_not_after_the_words_denies_what_they_do_unless_it_says_the_point() -> None:
    fixes = KeyPoint("Fixes: Leaky ReLU keeps a small slope.", ("leaky relu",))
    assert not judge("Leaky ReLU does not help here", fixes)[0]
    assert not judge("Leaky ReLU layers don't change anything", fixes)[0]
    assert judge("Leaky ReLU does not die, it keeps a slope", fixes)[0]
    stall = KeyPoint("Earlier layers barely update, so learning stalls.", ("early layers",))
    assert judge("early layers don't learn", stall)[0]
    assert not judge("early layers are not affected", stall)[0]
    assert not judge("scaling changes nothing", KeyPoint("Scale matters.", ("scaling changes",)))[0]
    assert judge("log_softmax, not log(softmax)", KeyPoint("Use it.", ("log_softmax",)))[0]


def test_negations_in_other_forms_deny_the_words() -> None:
    fixes = KeyPoint("Fixes: Leaky ReLU.", ("leaky relu", "batch norm"))
    assert not judge("Leaky ReLU is unnecessary", fixes)[0]
    assert not judge("batch norm has no effect on it", fixes)[0]
    assert not judge("it's a myth that Leaky ReLU fixes it; nothing does", fixes)[0]
    assert not judge("no activation can use Leaky ReLU here", fixes)[0]
    assert not judge("nobody uses Leaky ReLU", fixes)[0]
    assert judge("Leaky ReLU, and a myth is just a story", fixes)[0]
    centring = KeyPoint("Normalisation achieves the centring.", ("batch norm",))
    assert not judge("batch norm doesn't centre anything", centring)[0]
    sums = KeyPoint("The outputs sum to 1.", ("sum to 1",))
    assert not judge("The outputs summing to one is just a coincidence.", sums)[0]
    assert judge("The outputs sum to one, by construction.", sums)[0]


def test_a_denial_later_in_the_sentence_or_the_next_one_counts() -> None:
    point = KeyPoint("Sigmoid saturates.", ("sigmoid saturates",))
    assert not judge("People say sigmoid saturates, but that's not true.", point)[0]
    assert not judge("Some claim sigmoid saturates; that is a myth.", point)[0]
    assert not judge("ReLU fails to make sigmoid saturate", point)[0]
    assert judge("Sigmoid saturates. That is why deep nets use ReLU.", point)[0]


def test_not_the_case_after_a_claim_denies_it() -> None:
    point = KeyPoint("Sigmoid saturates.", ("sigmoid saturates",))
    assert not judge("People say sigmoid saturates, but that isn't really the case.", point)[0]
    assert not judge("People say sigmoid saturates, but that's not the case here.", point)[0]
    assert not judge("Some claim sigmoid saturates, but that isn't really true.", point)[0]
    assert not judge("People say sigmoid saturates, but it doesn't really; it just …", point)[0]
    assert not judge("People worry sigmoid saturates, but that doesn't really happen.", point)[0]
    assert judge("Sigmoid saturates. It isn't the case that tanh is better.", point)[0]
    assert judge("Sigmoid saturates, so that doesn't happen with ReLU.", point)[0]
    assert judge("Sigmoid saturates; it does not apply here to ReLU.", point)[0]


def test_not_the_case_that_before_a_claim_denies_it() -> None:
    point = KeyPoint("Sigmoid saturates.", ("sigmoid saturates",))
    far = "in deep nets with many layers the sigmoid saturates"
    assert not judge(f"It's not the case that {far}.", point)[0]
    assert not judge(f"But it isn't really true that {far}.", point)[0]
    assert judge(f"It is the case that {far}.", point)[0]


def test_a_question_answered_no_is_denied() -> None:
    point = KeyPoint("ReLU fixes vanishing.", ("relu fixes",))
    assert not judge("But ReLU fixes it? Not really -- its negative side is 0.", point)[0]
    assert not judge("ReLU fixes it? No, it moves the problem.", point)[0]
    assert judge("ReLU fixes it. No saturation for positive inputs.", point)[0]
    assert judge("Why? ReLU fixes it. Not sigmoid.", point)[0]
    stalls = KeyPoint("Early layers stall: they barely update.", ("early layers learn",))
    assert judge("Do the early layers learn? No, they barely update.", stalls)[0]


def test_a_claim_reported_of_others_then_denied_after_but() -> None:
    point = KeyPoint("Activations shape gradient flow.", ("gradient flow",))
    said = "People say they control gradient flow, but"
    assert not judge(f"{said} backprop doesn't really depend on them.", point)[0]
    assert not judge("Some claim gradient flow matters, but it never does.", point)[0]
    assert judge(f"{said} more importantly they add non-linearity.", point)[0]
    assert judge("They control gradient flow, but ReLU doesn't saturate.", point)[0]
    posts = "Blog posts say they shape gradient flow, but"
    assert not judge(f"{posts} backprop doesn't depend on them.", point)[0]
    assert not judge(f"{posts} it's the other way round.", point)[0]
    assert judge(f"{posts} they also bound the output.", point)[0]


def test_a_myth_is_that_denies_the_rest_of_the_sentence() -> None:
    point = KeyPoint("Activations shape gradient flow.", ("gradient flow",))
    assert not judge("A common myth is that they shape gradient flow.", point)[0]
    assert judge("The myth is ReLU dying. They shape gradient flow.", point)[0]


def test_a_claim_the_speaker_doubts_is_denied() -> None:
    point = KeyPoint("Activations shape gradient flow.", ("gradient flow",))
    assert not judge("I wouldn't say they control gradient flow.", point)[0]
    assert not judge("I don't think gradient flow depends on them.", point)[0]
    assert not judge("I'd disagree that they shape gradient flow.", point)[0]
    assert not judge("I'd push back on the idea that gradient flow matters.", point)[0]
    assert not judge("It's outdated to think they shape gradient flow.", point)[0]
    assert judge("I wouldn't say much more, but they shape gradient flow.", point)[0]
    assert judge("I'd say they shape gradient flow.", point)[0]
    assert judge("I wouldn't say it's simple. They shape gradient flow.", point)[0]


def test_a_not_stops_at_a_new_predicate() -> None:
    cheap = KeyPoint("ReLU is cheap.", ("cheap",))
    assert judge("ReLU doesn't have that problem and is cheap", cheap)[0]
    assert judge("ReLU is cheap and doesn't have that problem", cheap)[0]
    fixes = KeyPoint("Fixes: Leaky ReLU.", ("leaky relu",))
    assert not judge("Leaky ReLU and ELU don't help", fixes)[0]
    assert judge("Tanh is zero-centred and sigmoid isn't.", ZERO_CENTRED)[0]
    assert not judge("ReLU isn't saturating or cheap", cheap)[0]


def test_a_cues_own_not_must_govern_the_word_after_it() -> None:
    point = KeyPoint("ReLU avoids vanishing.", ("no vanishing",))
    assert judge("with ReLU there is no vanishing", point)[0]
    assert judge("ReLU doesn't have the vanishing gradient issue", point)[0]
    assert not judge("ReLU does not help with vanishing", point)[0]


def test_words_of_one_class_stand_for_each_other() -> None:
    shrink = KeyPoint("Gradients shrink.", ("gradients shrink", "earlier layers"))
    assert judge("the gradients decay", shrink)[0]
    assert judge("the first layers barely move", shrink)[0]
    helps = KeyPoint("ReLU helps.", ("relu helps",))
    assert judge("ReLU avoids it", helps)[0]
    assert not judge("ReLU helps", KeyPoint("ReLU avoids it.", ("relu avoids",)))[0]


def test_numbers_and_operators_said_in_words_match_their_symbols() -> None:
    assert judge("they add up to one", KeyPoint("Sum to 1.", ("add up to 1",)))[0]
    assert judge("a single layer", KeyPoint("One layer.", ("one layer",)))[0]
    weighted = KeyPoint("z = w·x + b.", ("w x + b",))
    assert judge("it computes w·x plus b", weighted)[0]
    assert judge("z = Σ wᵢxᵢ + b", weighted)[0]


def test_a_cues_not_is_heard_in_any_plain_negation() -> None:
    point = KeyPoint("ReLU does not saturate.", ("not saturate",))
    assert judge("ReLU: cheap, no saturation for x > 0", point) == (True, "no saturation")
    assert judge("it never saturates", point)[0]
    assert not judge("it saturates", point)[0]


def test_words_said_of_a_rival_do_not_cover_the_point() -> None:
    point = KeyPoint("Sigmoid per label: multi-label.", ("several labels",))
    assert not judge("use softmax when an example can carry several labels", point)[0]
    assert judge("use a sigmoid per output when an example can carry several labels", point)[0]
    assert judge("when an example can carry several labels", point)[0]
    assert not judge("stacked softmaxes handle several labels", point)[0]
    assert judge("independent sigmoids handle several labels", point)[0]
    nonlinear = KeyPoint("Non-linear functions allow modelling curves.", ("curves",))
    assert not judge("linear activations can model curves too", nonlinear)[0]
    assert judge("non-linear ones like ReLU let you model curves", nonlinear)[0]


def test_a_pairing_is_credited_only_with_its_partner() -> None:
    point = KeyPoint("He/Kaiming for the ReLU family.", ("he relu",))
    assert not judge("Xavier is for ReLU and He for tanh", point)[0]
    assert judge("He for ReLU and Xavier for tanh", point)[0]
    several = KeyPoint("Pair the init: He for ReLU, Glorot for tanh.", ("init",))
    assert not judge("Xavier init for ReLU", several)[0]
    assert judge("He init for ReLU", several)[0]
    listed = KeyPoint("Sigmoid and tanh saturate.", ("sigmoid tanh saturate",))
    assert judge("tanh and sigmoid both saturate", listed)[0]


def test_a_pairing_across_a_comma_goes_with_the_partner_in_its_own_clause() -> None:
    point = KeyPoint("Glorot/Xavier for tanh and sigmoid.", ("xavier tanh", "tanh xavier"))
    assert not judge("He init for tanh, Xavier for ReLU.", point)[0]
    assert judge("For tanh, use Xavier.", point) == (True, "tanh, use Xavier")
    gated = KeyPoint("GLU: sigmoid gate.", ("glu sigmoid",))
    assert judge("The gate is a sigmoid, GELU or Swish for GLU, GeGLU and SwiGLU.", gated)[0]


def test_a_gated_unit_is_credited_only_with_its_own_gate() -> None:
    point = KeyPoint("GLU: sigmoid gate; GeGLU: GELU; SwiGLU: Swish.", ("gates",))
    assert not judge("GLU gates with a GELU", point)[0]
    assert judge("GLU gates with a sigmoid", point)[0]


def test_only_a_name_of_the_points_kind_is_its_rival() -> None:
    point = KeyPoint("SwiGLU is used in LLaMA.", ("llama",))
    assert judge("SwiGLU uses Swish as the gate and is what LLaMA uses", point)[0]
    assert not judge("GeGLU is what LLaMA uses", point)[0]


def test_asserting_what_the_point_denies_next_to_the_cue_does_not_cover_it() -> None:
    point = KeyPoint("It stays large when the model is confidently wrong (no saturation).",
                     ("confidently wrong",))  # fmt: skip
    assert not judge("the gradient saturates when the model is confidently wrong", point)[0]
    assert not judge("it vanishes when the model is confidently wrong", point)[0]
    assert judge("it stays large when the model is confidently wrong", point)[0]
    assert judge("it doesn't saturate, so it's large when the model is confidently wrong", point)[0]


def test_a_not_before_another_of_the_points_own_words_denies_it() -> None:
    point = KeyPoint("Learned scale and shift (γ, β) keep the layer expressive.", ("gamma beta",))
    assert not judge("gamma and beta are fixed, not learned", point)[0]
    assert judge("gamma and beta are learned, not fixed", point)[0]


def test_saying_a_problem_never_happens_is_not_saying_it_is_avoided() -> None:
    point = KeyPoint("Same-sign updates force a zig-zag path.", ("avoid zig-zag",))
    assert not judge("honestly there is no zig-zagging problem with sigmoid inputs", point)[0]
    assert not judge("there's no real zig-zag issue", point)[0]
    assert judge("tanh inputs mean no zig-zag updates", point)[0]
    remedy = KeyPoint("ReLU alleviates the vanishing gradient.", ("alleviate vanishing",))
    assert not judge("there's no real vanishing gradient problem with sigmoid", remedy)[0]
    assert judge("ReLU means no vanishing gradient", remedy)[0]
    dead = KeyPoint("A dead unit gets zero gradient and cannot revive.", ("never update",))
    assert not judge("Leaky ReLU doesn't change anything", dead)[0]
    assert judge("its weights never update again", dead)[0]


def test_an_operator_keeps_its_operands_on_their_sides() -> None:
    point = KeyPoint("The gradient is p − y.", ("p minus y", "p - y"))
    assert not judge("the gradient is y minus p over p", point)[0]
    assert not judge("it's y - p", point)[0]
    assert judge("the gradient is p minus y", point)[0]
    assert judge("grad = p − y", point)[0]


def test_a_slope_is_a_gradient() -> None:
    point = KeyPoint("ReLU's gradient is 1 for positive inputs.", ("relu gradient 1",))
    assert judge("ReLU keeps a slope of one for positive inputs", point)[0]


def test_a_dot_inside_code_does_not_end_the_sentence() -> None:
    point = KeyPoint("Subtract the max logit.", ("z - max(z)",))
    assert judge("z -= z.max(); then exp", point)[0]
    assert judge("w/o it, no nonlinearity", KeyPoint("No.", ("without it",)))[0]


def test_quantifiers_in_a_cue_are_asked_for() -> None:
    point = KeyPoint("Gradients share a sign.", ("all positive",))
    assert judge("inputs are all positive", point)[0]
    assert not judge("ReLU keeps positive inputs", point)[0]


def test_a_cue_stays_inside_one_sentence() -> None:
    point = KeyPoint("Gradients vanish.", ("gradients vanish",))
    assert not judge("We need gradients. Vanish is a word.", point)[0]
    assert judge("the gradients then quickly vanish", point)[0]


def test_without_cues_a_point_is_known_by_its_content_words() -> None:
    point = KeyPoint("Gradients shrink through the chain rule.")
    assert judge("the chain rule makes gradients shrink", point)[0]
    assert not judge("the chain rule", point)[0]
    assert key_points(["a", "b"], [("x",)]) == (KeyPoint("a", ("x",)), KeyPoint("b"))


def test_evidence_is_on_one_line_without_control_characters() -> None:
    covered, evidence = judge("tanh is zero-\x1b[31m\ncentred", ZERO_CENTRED)
    assert covered is False or "\x1b" not in evidence
    assert judge("tanh is zero-\ncentred", ZERO_CENTRED)[1] == ""


def test_a_cue_must_ask_for_something() -> None:
    assert cue_problem("of the") is not None
    assert cue_problem("≤") is None


words = st.text(alphabet=string.ascii_lowercase, min_size=4, max_size=12)


@given(st.lists(words, min_size=1, max_size=5), st.lists(words, max_size=5))
def test_the_model_answer_covers_all_its_own_key_points(
    points: list[str], filler: list[str]
) -> None:
    model = [KeyPoint(" ".join(points[: i + 1])) for i in range(len(points))]
    answer = " ".join(filler) + ". " + ". ".join(p.text for p in model)
    assert all(result.covered for result in match_key_points(answer, model))


@given(st.text(max_size=300), st.lists(st.text(max_size=40), max_size=4))
def test_any_answer_and_cue_is_judged_without_raising(answer: str, cues: list[str]) -> None:
    usable = tuple(cue for cue in cues if cue_problem(cue) is None)
    results = match_key_points(answer, [KeyPoint("point", usable), KeyPoint(answer or "x")])
    for result in results:
        assert isinstance(result.covered, bool)
        assert result.covered or result.evidence == ""


@st.composite
def typo(draw: st.DrawFn) -> tuple[str, str]:
    """A plain word of at least five letters (not a stopword, not an abbreviation the normaliser
    spells out, such as "deriv") and the same word with one slip after its first letter (that
    is not itself such a word: "donut" -> "dont" is a "do not")."""
    word = draw(
        st.text(alphabet=string.ascii_lowercase, min_size=5, max_size=12).filter(
            lambda word: word not in STOPWORDS and [t.form for t in tokenize(word)] == [word]
        )
    )
    at = draw(st.integers(1, len(word) - 1))
    slip = draw(st.sampled_from(["drop", "swap", "replace", "insert"]))
    letter = draw(st.sampled_from(string.ascii_lowercase))
    if slip == "drop":
        written = word[:at] + word[at + 1 :]
    elif slip == "swap" and at + 1 < len(word):
        written = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif slip == "insert":
        written = word[:at] + letter + word[at:]
    else:
        written = word[:at] + letter + word[at + 1 :]
    assume([t.form for t in tokenize(written)] == [written])
    return word, written


@given(typo(), typo())
def test_typos_within_tolerance_still_match(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    point = KeyPoint("two words", (f"{first[0]} {second[0]}",))
    assert judge(f"so {first[1]} {second[1]} here", point)[0]


def test_a_contradiction_cue_heard_outright_means_the_point_is_not_covered() -> None:
    point = KeyPoint(
        "Gradient clipping is for exploding gradients.",
        ("clipping", "wrong: clipping fixes vanishing"),
    )
    assert not judge("Gradient clipping fixes vanishing gradients.", point)[0]
    assert judge("Gradient clipping stops exploding gradients.", point) == (True, "clipping")
    assert judge("Clipping is for exploding gradients, it does not fix vanishing ones.", point)[0]


def test_a_point_of_separate_claims_needs_each_of_them() -> None:
    point = KeyPoint(
        "Gating (LSTM) for long sequences; gradient clipping for explosions.",
        ("lstm & clipping", "gates & clip exploding"),
    )
    assert not judge("Use gradient clipping.", point)[0]
    assert not judge("An LSTM helps.", point)[0]
    assert judge("An LSTM helps on long sequences. Clipping handles explosions.", point) == (
        True,
        "LSTM … Clipping",
    )
    assert cue_problem("lstm & the") is not None


def test_each_part_of_a_claim_may_be_said_in_any_of_its_ways() -> None:
    point = KeyPoint(
        "Softplus or exp for positive targets; tanh for bounded ones.",
        ("softplus | exp positive & tanh bounded | bounded target",),
    )
    assert not judge("For a positive target, softplus.", point)[0]
    assert not judge("A bounded target gets a tanh.", point)[0]
    assert judge("Use exp for positive targets and tanh when it is bounded.", point) == (
        True,
        "exp for positive … tanh when it is bounded",
    )
    assert judge("Softplus; for a bounded target, tanh.", point)[0]
    assert judge("|z| large", KeyPoint("Large |z|.", ("large |z|",)))[0]
    assert cue_problem("softplus | the & tanh") is not None


def test_a_comparison_said_backwards_is_not_covered() -> None:
    point = KeyPoint(
        "High T flattens, low T sharpens.", ("high temperature flatten", "flattens", "sharpens")
    )
    assert not judge("A higher temperature sharpens the distribution.", point)[0]
    assert not judge("A higher temperature sharpens it and a lower one flattens it.", point)[0]
    assert not judge("With a lower temperature the output gets more uniform.", point)[0]
    assert judge("A higher temperature flattens it and a lower temperature sharpens it.", point)[0]
    assert judge("Raising the temperature makes it smoother; lower T is peakier.", point)[0]
    assert judge("A higher temperature makes it less peaked, flatter.", point)[0]


def test_it_stands_for_the_subject_of_its_sentence() -> None:
    saturates = KeyPoint("Sigmoid saturates.", ("vanishing",))
    assert not judge("ReLU is no cheaper than sigmoid and it suffers from vanishing", saturates)[0]
    assert not judge("ReLU is cheap to compute, and it suffers from vanishing", saturates)[0]
    assert judge("Sigmoid is smooth, but it suffers from vanishing gradients", saturates)[0]
    assert judge("Unlike ReLU, sigmoid suffers from vanishing gradients", saturates)[0]


def test_a_point_that_starts_with_it_is_about_the_point_before() -> None:
    points = key_points(
        ("ReLU is the default.", "It is cheap to compute."), (("relu",), ("cheap",))
    )
    wrong = match_key_points("I'd pick sigmoid by default since it's cheap.", points)
    right = match_key_points("ReLU is the usual pick since it's cheap.", points)
    assert [result.covered for result in wrong] == [False, False]
    assert [result.covered for result in right] == [True, True]


def test_a_contradiction_is_heard_anywhere_in_its_claim() -> None:
    point = KeyPoint(
        "Softmax + cross-entropy for exactly one class.",
        ("softmax cross-entropy", "wrong: softmax multi-label"),
    )
    answer = "For multi-label classification you would use a softmax with cross-entropy."
    assert not judge(answer, point)[0]
    assert judge("Softmax with cross-entropy for one class; multi-label gets sigmoids.", point)[0]
    assert judge("Softmax with cross-entropy, and sigmoids for multi-label ones.", point)[0]


def test_a_name_it_is_compared_with_is_not_the_subject() -> None:
    point = KeyPoint("ReLU is the default for hidden layers.", ("relu hidden",))
    assert not judge("I would choose sigmoid over ReLU in deep hidden layers.", point)[0]
    assert judge("I would choose ReLU over sigmoid in hidden layers.", point)[0]


def test_the_matched_words_do_not_name_their_own_subject() -> None:
    point = KeyPoint(
        "Non-linear functions model complex relationships.", ("non-linear relationships",)
    )
    assert not judge("Linear activations can still model non-linear relationships.", point)[0]
    assert judge("Non-linear activations let you model non-linear relationships.", point)[0]


def test_a_cues_not_stays_in_its_clause() -> None:
    point = KeyPoint("A dead unit gets no gradient.", ("no gradient",))
    assert not judge("It is not permanent: gradient descent pulls it back.", point)[0]
    assert judge("A dead unit gets no gradient at all.", point)[0]


def test_a_topic_only_mentioned_does_not_make_the_point() -> None:
    point = KeyPoint(
        "Residual connections give an identity path for the gradient.",
        ("residual", "resnet", "identity path", "identity path gradient"),
    )
    assert not judge("I remember the ResNet paper, a whole zoo of tricks.", point)[0]
    assert not judge("It's related to residual stuff.", point)[0]
    assert judge("Add residual connections.", point) == (True, "residual")
    assert judge(
        "People talk about this a lot; residual connections give the gradient an identity path.",
        point,
    )[0]
    assert not judge("Skip connections, identity paths and so on.", point)[0]
    assert judge("Skips give the gradient an identity path, and so on.", point)[0]


def test_a_bare_list_of_topic_words_makes_no_point() -> None:
    point = KeyPoint(
        "The output activation follows from the task and its loss.",
        ("task", "gradient flow", "initialisation"),
    )
    assert not judge(
        "There are a lot of factors: computational cost, the task, gradient flow, initialisation…",
        point,
    )[0]
    assert judge("It follows from the task, its loss, gradient flow.", point)[0]
    assert judge("The output layer follows from the task: sigmoid, softmax, linear.", point)[0]


def test_a_list_that_pairs_with_colons_is_not_a_bare_list() -> None:
    point = KeyPoint("GeGLU gates with GELU, SwiGLU with Swish.", ("geglu gelu & swiglu swish",))
    assert judge("GLU: sigmoid, GeGLU: GELU, SwiGLU: Swish, ReGLU: ReLU.", point)[0]


def test_a_list_of_pairings_is_not_a_bare_list() -> None:
    point = KeyPoint("Pair initialisation with the activation: He for ReLU.", ("he relu",))
    assert judge("Match the init, He for ReLU, Xavier for tanh, LeCun for SELU.", point)[0]
    assert not judge("Factors: the task, He, ReLU, initialisation, the cost.", point)[0]


def test_a_claim_in_the_opposite_state_turns_the_point_round() -> None:
    shrink = KeyPoint(
        "Gradients shrink as they are multiplied layer by layer.", ("multiplied layer",)
    )
    assert not judge("Gradients explode as they are multiplied layer by layer.", shrink)[0]
    assert judge("Gradients get tiny as they are multiplied layer by layer.", shrink)[0]
    assert judge("They vanish, not explode, as they are multiplied layer by layer.", shrink)[0]
    positive = KeyPoint(
        "With all-positive inputs, one unit's weight gradients share a sign.", ("same sign",)
    )
    assert not judge(
        "Zero-centred outputs make a unit's weight gradients the same sign.", positive
    )[0]
    assert judge("All-positive inputs make a unit's weight gradients the same sign.", positive)[0]
    shift = KeyPoint("Subtract the max: the result is identical.", ("subtract max",))
    assert judge("Subtracting the max leaves the probabilities identical.", shift)[0]
    assert judge("Subtracting the max changes nothing.", shift)[0]
    assert not judge("Subtracting the max changes the probabilities slightly.", shift)[0]


def test_a_sign_turned_round_beside_the_words_is_another_formula() -> None:
    jacobian = KeyPoint("The softmax Jacobian is diag(p) − ppᵀ.", ("diag(p)",))
    assert not judge("The Jacobian is diag(p) plus p p transpose.", jacobian)[0]
    assert not judge("The Jacobian is diag(p) + p pᵀ.", jacobian)[0]
    assert judge("The Jacobian is diag(p) minus p p transpose.", jacobian)[0]
    assert not judge("The gradient is y minus p, and the Jacobian is diag of something.", jacobian)[
        0
    ]


def test_another_number_where_the_point_has_one_is_a_wrong_constant() -> None:
    sigmoid = KeyPoint("σ′(x) = σ(x)(1 − σ(x)), maximum 0.25 at x = 0.", ("σ(1 - σ)", "0.25"))
    assert judge("σ′ = σ(1 − σ), max 0.25 at zero", sigmoid)[0]
    assert judge("σ′ = σ(1 − σ), which tops out at ¼", sigmoid)[0]
    assert not judge("σ′ = σ(1 − σ), max 0.5 at zero", sigmoid)[0]
    assert not judge("σ′ = σ(1 − σ), so it is at most 1/2", sigmoid)[0]
    assert judge("σ′ = σ(1 − σ) which peaks at 0.25, and tanh peaks at 1", sigmoid)[0]
    assert not judge("σ′ = σ(1 − σ), and its maximum is 1 at x = 0", sigmoid)[0]
    assert not judge("σ′ = σ(1 − σ), at most 0 in fact", sigmoid)[0]
    tanh = KeyPoint("tanh(x) = 2σ(2x) − 1: a rescaled sigmoid.", ("2σ(2x) - 1",))
    assert judge("tanh′ peaks at 1, and tanh is 2σ(2x) − 1.", tanh)[0]
    overflow = KeyPoint("float32 exp overflows above ≈ 88.7.", ("88", "float32 overflow"))
    assert judge("in float32 exp overflows above about 88", overflow)[0]
    assert not judge("in float32 exp overflows at 100", overflow)[0]
    glorot = KeyPoint("Glorot: 2 / (fan_in + fan_out).", ("fan_in + fan_out",))
    assert judge("Glorot uses 2/(fan_in + fan_out)", glorot)[0]
    assert not judge("Glorot uses 1/(fan_in + fan_out)", glorot)[0]
    he = KeyPoint("He/Kaiming, 2 / fan_in: ReLU family.", ("he relu",))
    assert judge("He for ReLU, with 2/fan_in, and LeCun for SELU with 1/fan_in.", he)[0]
    assert not judge("LeCun for SELU with 2/fan_in, and He for ReLU with 1/fan_in.", he)[0]
    relu = KeyPoint("ReLU's gradient is 1 for positive inputs.", ("relu gradient 1",))
    assert judge("ReLU = max(0, x), so the ReLU gradient is 1 for positive inputs", relu)[0]


def test_a_fraction_is_the_decimal_it_stands_for() -> None:
    point = KeyPoint("At most 0.25 per sigmoid layer.", ("0.25 per layer",))
    assert judge("it loses ¼ per layer", point) == (True, "¼ per layer")
    assert judge("it loses 1/4 per layer", point)[0]
    assert not judge("it loses 1/2 per layer", point)[0]


def test_everyday_words_for_a_product_a_store_and_nearness_hear_each_other() -> None:
    jacobians = KeyPoint("A product of per-layer Jacobians.", ("chain rule product",))
    assert judge("by the chain rule many factors are multiplied", jacobians)[0]
    assert judge("the chain rule gives a multiplication of factors", jacobians)[0]
    cached = KeyPoint("Backprop can reuse the forward output.", ("store output",))
    assert judge("autograd just saves the output", cached) == (True, "saves the output")
    flat = KeyPoint("Saturation: the derivative ≈ 0.", ("derivative near zero",))
    assert judge("its derivative is about zero there", flat)[0]
    shift = KeyPoint("Softmax is shift-invariant.", ("adding a constant",))
    assert judge("adding a const to all logits changes nothing", shift)[0]


def test_a_sum_written_where_the_point_has_a_difference_is_another_formula() -> None:
    point = KeyPoint(
        "Two-class softmax ≡ sigmoid of the logit difference z₁ − z₂.",
        ("two classes softmax sigmoid",),
    )
    assert judge("For two classes, softmax equals a sigmoid of z₁ − z₂.", point)[0]
    assert not judge("For two classes, softmax equals a sigmoid of z₁ + z₂.", point)[0]
    assert judge("For two classes softmax is a sigmoid. Note z₁ + z₂ does not matter.", point)[0]
    loss = KeyPoint("Cross-entropy: the gradient is p − y.", ("cross-entropy",))
    assert judge("With cross-entropy the gradient is p − y.", loss)[0]
    assert not judge("With cross-entropy the gradient is (y − p)·p(1 − p).", loss)[0]


def test_a_range_is_not_heard_as_a_choice_between_its_ends() -> None:
    point = KeyPoint("Output scaling: it can bound outputs, e.g. 0 to 1.", ("0 to 1",))
    assert judge("it squashes every output to 0 to 1", point)[0]
    assert judge("outputs lie between 0 and 1", point)[0]
    assert not judge("it rounds every output to exactly 0 or 1", point)[0]


def test_a_number_said_of_another_function_is_not_the_points() -> None:
    sigmoid = KeyPoint("σ′ = σ(1 − σ), maximum 0.25 at x = 0.", ("0.25", "quarter"))
    assert judge("The sigmoid's slope peaks at 0.25.", sigmoid)[0]
    assert not judge("σ′ = σ(1 − σ). tanh′ = 1 − tanh², maximum 0.25.", sigmoid)[0]


def test_a_label_is_said_of_its_partner() -> None:
    per_label = KeyPoint("Sigmoid per label: multi-label.", ("multi-label",))
    assert not judge("Softmax: multi-label.", per_label)[0]
    assert not judge("Multi-label: softmax.", per_label)[0]
    assert not judge("Binary: sigmoid, multi-label: softmax.", per_label)[0]
    assert judge("Sigmoid: multi-label.", per_label)[0]
    assert judge("Multi-label: sigmoid.", per_label)[0]


def test_a_pairing_is_one_claim_for_a_contradiction() -> None:
    point = KeyPoint(
        "Softmax + cross-entropy for exactly one class.",
        ("softmax cross-entropy", "wrong: softmax multi-label"),
    )
    assert not judge("Multi-label: softmax with cross-entropy.", point)[0]
    assert not judge("Multi-label -> softmax with cross-entropy.", point)[0]
    assert judge("Multi-class: softmax with cross-entropy. Multi-label: sigmoid.", point)[0]


def test_a_pairing_pairs_an_initialisation_with_its_label() -> None:
    he = KeyPoint("He/Kaiming, 2 / fan_in: ReLU family.", ("he init", "he relu"))
    for answer in ("ReLU: Xavier init. tanh: He init.", "tanh -> He init", "tanh = He"):
        assert not judge(answer, he)[0], answer
    for answer in ("ReLU: He init. tanh: Xavier init.", "ReLU -> He init", "ReLU = He"):
        assert judge(answer, he)[0], answer


def test_a_cue_is_not_heard_across_two_pairings() -> None:
    point = KeyPoint("Sigmoid outputs are bounded.", ("bounded outputs",))
    assert not judge("Linear: any outputs, sigmoid: bounded.", point)[0]
    assert judge("Linear: any range, sigmoid: bounded outputs.", point)[0]


def test_a_formula_or_an_assignment_is_not_a_pairing() -> None:
    point = KeyPoint("ReLU′(0) is a convention: 0 in PyTorch.", ("relu'(0) 0",))
    assert judge("ReLU′(0) := 0 (PyTorch).", point)[0]
    saturation = KeyPoint("Saturation: derivative ≈ 0.", ("' ≈ 0",))
    assert judge("sat.: σ/tanh at large |z|, f′ ≈ 0 → no grad through the unit.", saturation)[0]


def test_the_opposite_comparative_before_the_points_word_denies_it() -> None:
    fix = KeyPoint("Fixes: lower learning rate or warm-up.", ("reduce learning rate", "warm-up"))
    assert not judge("To fix it, use a higher learning rate.", fix)[0]
    assert judge("To fix it, use a lower learning rate.", fix)[0]
    causes = KeyPoint("Causes: too large a learning rate.", ("lr",))
    assert not judge("Fix: lower lr.", causes)[0]
    assert judge("Cause: a large lr.", causes)[0]
    rare = KeyPoint("Sigmoid is less common in deep networks.", ("sigmoid deep networks",))
    assert not judge("Sigmoid is more common in deep networks.", rare)[0]
    assert judge("Sigmoid is less common in deep networks.", rare)[0]


def test_a_claim_that_pairs_directions_the_other_way_round_is_not_the_point() -> None:
    point = KeyPoint("softmax(z / T): high T flattens, low T sharpens.", ("flatter", "sharpen"))
    for answer in ("Low T: flatter.", "A temperature below 1 flattens it.", "High T -> sharper"):
        assert not judge(answer, point)[0], answer
    for answer in ("flatter", "T > 1 flattens it.", "High T: flatter.", "Low T: sharper."):
        assert judge(answer, point)[0], answer


def test_a_part_that_names_nothing_does_not_borrow_its_subject_from_another_sentence() -> None:
    point = KeyPoint(
        "Sigmoid + BCE for binary and for multi-label.",
        ("sigmoid binary & sigmoid multi-label | multi-label",),
    )
    assert not judge("Binary: sigmoid. For multi-label, softmax.", point)[0]
    assert not judge("Sigmoid for binary. Multi-label is different. Use softmax there.", point)[0]
    assert judge("Sigmoid for binary. It also works for multi-label.", point)[0]
    assert judge("Sigmoid for binary, and for multi-label too.", point)[0]


def test_a_point_that_lists_separate_claims_may_be_spread_over_sentences() -> None:
    point = KeyPoint(
        "SwiGLU in PaLM and LLaMA; Shazeer 2020 showed the gains.", ("llama & shazeer",)
    )
    assert judge("SwiGLU is in LLaMA. Shazeer compared GELU and Swish gates.", point)[0]


def test_a_derivative_written_as_another_expression_of_the_function_is_not_the_point() -> None:
    sigmoid = KeyPoint("σ′(x) = σ(x)(1 − σ(x)), maximum 0.25 at x = 0.", ("σ(1 - σ)", "0.25"))
    for answer in ("σ′ = σ², peaks at 0.25.", "σ′ = 1 − σ², max 0.25", "σ' = σ(1+σ), max 0.25"):
        assert not judge(answer, sigmoid)[0], answer
    for answer in (
        "σ′ = y(1 − y), max 0.25",
        "σ′ = σ(1−σ) ≤ 1/4",
        "sigmoid' = sigmoid * (1 - sigmoid), max 0.25",
        "σ′ = e^-x/(1+e^-x)², max 0.25",
    ):
        assert judge(answer, sigmoid)[0], answer
    tanh = KeyPoint("tanh′(x) = 1 − tanh²(x), maximum 1 at x = 0.", ("1 - tanh²", "sech²"))
    assert judge("tanh' = sech^2, max 1", tanh)[0]


def test_a_dash_pairs_a_label_with_its_value() -> None:
    per_label = KeyPoint("Sigmoid per label: multi-label.", ("multi-label",))
    assert not judge("Multi-label - softmax.", per_label)[0]
    assert not judge("Softmax – multi-label.", per_label)[0]
    assert judge("Multi-label – sigmoid.", per_label)[0]


def test_a_rival_family_of_loss_in_the_claim_is_not_the_point() -> None:
    sigmoid = KeyPoint("Sigmoid + BCE for binary.", ("sigmoid binary",))
    for answer in ("Binary: sigmoid with MSE.", "For binary, a sigmoid with MSE."):
        assert not judge(answer, sigmoid)[0], answer
    for answer in (
        "Binary: sigmoid with BCE.",
        "Binary: sigmoid + cross-entropy",
        "Binary: sigmoid",
    ):
        assert judge(answer, sigmoid)[0], answer
    linear = KeyPoint("Linear + MSE for regression.", ("linear regression",))
    assert not judge("Regression: linear with cross-entropy.", linear)[0]
    assert judge("Regression: linear output, mean squared error.", linear)[0]


def test_a_sentence_that_only_names_a_function_is_the_label_of_the_next() -> None:
    per_label = KeyPoint("Sigmoid per label: multi-label.", ("multi-label",))
    assert not judge("Softmax. Multi-label.", per_label)[0]
    assert judge("Sigmoid. Multi-label.", per_label)[0]
    he = KeyPoint("He/Kaiming, 2 / fan_in: ReLU family.", ("he init", "he relu"))
    assert not judge("tanh. He init.", he)[0]
    assert judge("ReLU. He init.", he)[0]


def test_a_swapped_pairing_in_the_sentence_denies_the_words_said_with_it() -> None:
    point = KeyPoint(
        "Pair initialisation with the activation: He for ReLU, Glorot for tanh.",
        ("initialisation",),
    )
    for answer in (
        "Init: Glorot for ReLU and He for tanh.",
        "For initialisation, use He init with tanh and Glorot with ReLU.",
        "The initialisation should match the activation: Xavier for ReLU and He for tanh.",
    ):
        assert not judge(answer, point)[0], answer
    for answer in (
        "Init: He for ReLU and Glorot for tanh.",
        "Match the initialisation to the activation; a mismatch, Glorot with deep ReLU, hurts.",
        "Initialisation matters. Glorot for ReLU is a mistake people make.",
    ):
        assert judge(answer, point)[0], answer


def test_the_numbers_of_a_joined_cues_ways_are_known_to_its_point() -> None:
    point = KeyPoint(
        "float32 exp overflows above ≈ 88.7; float16 above ≈ 11.1.",
        ("88.7 | 88 & 11.1 | 11 | 65504",),
    )
    assert judge("exp overflows above 88 in fp32 and 11 in fp16 (max 65504).", point)[0]
    assert not judge("exp overflows above 88 in fp32 and 11 in fp16 (max 70000).", point)[0]


def test_a_number_in_scientific_notation_is_read_whole() -> None:
    point = KeyPoint(
        "float32 exp overflows above ≈ 88.7; float16 above ≈ 11.1.",
        ("88.7 & 11.1", "3.4e38"),
    )
    assert judge("Past 88.7 in fp32 (FLT_MAX ≈ 3.4e38) and 11.1 in fp16.", point)[0]
    assert not judge("Past 88.7 in fp32 (FLT_MAX ≈ 3.4) and 11.1 in fp16.", point)[0]


def test_a_dismissal_described_by_a_word_or_two_still_denies() -> None:
    init = KeyPoint("Pair initialisation with the activation.", ("init",))
    assert not judge("Init-activation pairing is an old myth.", init)[0]
    assert not judge("Init matching is made-up folklore.", init)[0]
    assert not judge("Matching the init to the activation? That's a common misconception.", init)[0]
    assert judge("Init matching is usually irrelevant, but it can matter in deep nets.", init)[0]
    leaky = KeyPoint("Fixes: Leaky ReLU.", ("leaky relu",))
    assert not judge("Leaky ReLU is marketing.", leaky)[0]
    assert judge("Leaky ReLU is the fix.", leaky)[0]
    saturate = KeyPoint("Sigmoid and tanh saturate.", ("sigmoid and tanh saturate",))
    assert not judge("Sigmoid and tanh saturate, but that is a separate issue.", saturate)[0]
    assert not judge("Sigmoid and tanh saturate; it's unrelated to vanishing.", saturate)[0]
    assert judge("Sigmoid and tanh saturate; that is the issue.", saturate)[0]


def test_the_parts_of_a_claim_said_in_one_sentence_are_not_spread() -> None:
    point = KeyPoint("Linear regions multiply with depth.", ("regions & multiply",))
    assert judge("With depth the regions multiply.", point)[0]
    assert not judge("There are regions. Costs multiply with depth.", point)[0]


def test_a_root_or_reciprocal_the_point_does_not_write_is_another_formula() -> None:
    point = KeyPoint("q·k has variance d_k.", ("variance d_k", "variance of q·k"))
    for answer in ("q·k has variance √d_k.", "The variance is 1/d_k.", "variance √d_k"):
        assert not judge(answer, point)[0], answer
    assert judge("q·k has variance d_k, so we divide by √d_k.", point)[0]
    divide = KeyPoint("Dividing by √d_k restores unit variance.", ("divide by √d_k",))
    assert judge("You divide by √d_k.", divide)[0]
    assert judge("Divide the scores by sqrt(d_k).", divide)[0]


def test_a_sentence_that_gives_a_function_another_range_is_a_wrong_claim() -> None:
    scaling = KeyPoint("Output scaling: it can bound outputs, e.g. 0 to 1.", ("output range",))
    for answer in (
        "The output range: ReLU keeps every output between −1 and 1.",
        "The output range: tanh maps to 0 to 1.",
        "The output range: sigmoid's range is 0 to infinity.",
    ):
        assert not judge(answer, scaling)[0], answer
    for answer in (
        "The output range: sigmoid keeps it between 0 and 1, tanh from -1 to 1.",
        "The output range: ReLU goes from 0 to infinity.",
        "The output range matters. ReLU keeps outputs between −1 and 1.",
    ):
        assert judge(answer, scaling)[0], answer
    other = KeyPoint("ReLU is cheap.", ("relu cheap",))
    assert judge("ReLU is cheap, and tanh maps to 0 to 1.", other)[0]


def test_a_sentence_whose_relu_example_maps_an_input_wrongly_is_a_wrong_claim() -> None:
    point = KeyPoint("A concrete example, such as ReLU mapping negatives to 0.", ("example relu",))
    for answer in (
        "For example with ReLU, −2 becomes 2 and 3 stays 3.",
        "Example with ReLU: inputs −2, 0, 3 give −2, 0, 3.",
        "For example ReLU takes -2 to -2 and 3 to 3.",
        "Example: ReLU, minus one becomes one.",
    ):
        assert not judge(answer, point)[0], answer
    for answer in (
        "For example with ReLU, −2 becomes 0 and 3 stays 3.",
        "Example with ReLU: inputs −2, 0, 3 give 0, 0, 3.",
        "Example: ReLU, -2 -> 0, 3 -> 3.",
        "Example: ReLU, inputs -3 and 2 become 0 and 2.",
        "Example: ReLU(2) - 3 gives -1.",
    ):
        assert judge(answer, point)[0], answer


def test_a_difference_said_as_a_factor_of_a_longer_formula_is_another_formula() -> None:
    point = KeyPoint("Gradient of cross-entropy through softmax: p − y.", ("p - y", "p minus y"))
    for answer in (
        "The gradient is (p − y)·p(1 − p).",
        "The gradient is (p − y) multiplied by p(1 − p).",
        "The gradient is the same as for MSE, 2(p − y)·p(1 − p).",
        "Gradient of CE is log p − y.",
    ):
        assert not judge(answer, point)[0], answer
    for answer in (
        "∂L/∂z = p − y.",
        "The gradient is p − y, times x for the weights.",
        "(p - y)/N",
    ):
        assert judge(answer, point)[0], answer


def _deck_point(card_id: str, index: int) -> KeyPoint:
    from quizapp.content import bundled_content_dir, load_deck

    card = next(c for c in load_deck(bundled_content_dir()).cards if c.id == card_id)
    return key_points(card.key_points, card.cues)[index]


def test_an_initialisation_said_independent_of_the_activation_is_no_pairing() -> None:
    pairing = _deck_point("iq-choosing-factors", 3)
    matched = _deck_point("iq-vanishing-remedies", 1)
    for point in (pairing, matched):
        assert not judge("Init is independent of the activation.", point)[0]
        assert not judge("The initialisation doesn't have to match the activation.", point)[0]
        assert not judge("Any init works the same with any activation.", point)[0]
        assert not judge("Init doesn't need to match it; any small init is fine.", point)[0]
        assert judge("Init must match the activation: He for ReLU.", point)[0]


def test_a_neuron_without_a_bias_is_no_weighted_sum_plus_bias() -> None:
    weighted = _deck_point("how-single-neuron", 0)
    assert not judge("The dot product of weights and inputs, with no bias.", weighted)[0]
    assert judge("The dot product of weights and inputs, plus a bias.", weighted)[0]


def test_cues_that_the_blind_sets_label_wrong_more_often_than_right_are_gone() -> None:
    jacobian = _deck_point("iq-softmax-cross-entropy-gradient", 0)
    assert not judge("The Jacobian is diagonal: p_i(1 − p_i), zeros elsewhere.", jacobian)[0]
    applied = _deck_point("iq-what-and-why", 0)
    assert not judge("It is applied to each neuron's output.", applied)[0]
    stalls = _deck_point("iq-vanishing-gradient", 1)
    assert not judge("The gradients get small and the network's learning stalls.", stalls)[0]
    regions = _deck_point("iq-relu-nonlinear", 3)
    assert not judge("Linear regions grow only linearly with depth.", regions)[0]
    shift = _deck_point("iq-stable-softmax", 0)
    assert not judge("Softmax gives the same result for any logits.", shift)[0]


def test_wrong_claims_heard_by_four_points_contradict_them() -> None:
    shifted = _deck_point("iq-relu-nonlinear", 1)
    assert not judge("|x| = ReLU(x) − ReLU(−x) shows you can build any such curve.", shifted)[0]
    assert not judge("The absolute value needs a separate absolute-value unit.", shifted)[0]
    targets = _deck_point("iq-output-activation-loss", 3)
    assert not judge("For positive targets use tanh, and for bounded targets exp.", targets)[0]
    overflow = _deck_point("iq-stable-softmax", 1)
    assert not judge("fp16 overflows around 88 and fp32 around 11.", overflow)[0]
    precision = _deck_point("iq-activation-memory", 3)
    assert not judge("Not even in fp16: an exact zero has probability zero.", precision)[0]
    assert not judge("In fp16 zeros are as rare as in fp32.", precision)[0]


def test_universal_approximation_said_to_need_a_polynomial_or_a_squashing_unit_is_wrong() -> None:
    universal = _deck_point("iq-relu-nonlinear", 2)
    assert not judge(
        "The universal approximation theorem requires a polynomial activation.", universal
    )[0]
    assert not judge("Universal approximation only holds for sigmoidal activations.", universal)[0]
    assert not judge(
        "Universal approximation needs a smooth activation, so ReLU doesn't qualify.", universal
    )[0]
    assert judge(
        "Universal approximation needs a non-polynomial activation; ReLU qualifies.", universal
    )[0]


def test_backprop_said_to_depend_only_on_the_weights_is_no_gradient_flow() -> None:
    flow = _deck_point("overview-why-important", 2)
    assert not judge("They don't affect gradients: backprop only depends on the weights.", flow)[0]
    assert not judge("Backprop only goes through the weights.", flow)[0]
    assert judge("Their derivative shapes the gradients in backprop.", flow)[0]


def test_subtracting_the_max_said_to_change_the_result_is_wrong() -> None:
    shift = _deck_point("iq-stable-softmax", 0)
    assert not judge("You subtract the max logit, but that changes the result slightly.", shift)[0]
    assert not judge("Subtract the max, then you have to add the max back afterwards.", shift)[0]
    assert judge("Subtract the max logit: softmax is shift-invariant.", shift)[0]


def test_a_fraction_whose_bracketed_denominator_goes_on_is_another_formula() -> None:
    he = KeyPoint("He/Kaiming, 2 / fan_in: ReLU family.", ("he relu", "2 / fan_in", "he init"))
    assert not judge("Glorot (2/(fan_in+fan_out)) for tanh and sigmoid.", he)[0]
    assert not judge("He init, Var(W) = 2/(fan_in + fan_out), is for ReLU.", he)[0]
    assert judge("Xavier 2/(fan_in + fan_out) for tanh, He 2/fan_in for ReLU.", he)[0]
    assert judge("He init: Var(W) = 2/(fan_in) for ReLU.", he)[0]


def test_wrong_claims_of_sigmoid_outputs_glu_gates_and_batch_norm_contradict_them() -> None:
    independent = _deck_point("iq-sigmoid-vs-softmax", 1)
    assert not judge("Sigmoid outputs also sum to 1, fine for multi-label.", independent)[0]
    assert not judge("In multi-label they still have to sum to one.", independent)[0]
    assert judge("Sigmoid per label for multi-label; they don't sum to 1.", independent)[0]
    gated = _deck_point("iq-glu-family", 0)
    assert not judge("They add the two projections rather than multiply them.", gated)[0]
    assert judge("Two projections of x, one gated, multiplied elementwise.", gated)[0]
    learned = _deck_point("iq-saturation-batch-norm", 3)
    assert not judge("Its γ and β are fixed constants set to 1 and 0.", learned)[0]
    assert judge("Its γ and β are learned, so the layer stays expressive.", learned)[0]


def test_a_question_answered_no_denies_a_point_that_states_something_negative_too() -> None:
    collapse = KeyPoint(
        "Stacking linear layers is still linear, so depth adds no expressive power.",
        ("still linear",),
    )
    assert not judge("Stacking linear layers is still linear? Not quite.", collapse)[0]
    assert judge("Stacking linear layers is still linear. Depth adds nothing.", collapse)[0]
    shift = KeyPoint("Shift-invariant, not scale-invariant.", ("shift invariant",))
    assert not judge("Shift-invariant? no, adding a constant changes it.", shift)[0]
    assert judge("It is shift-invariant but not scale-invariant.", shift)[0]


def test_that_does_not_matter_after_a_claim_denies_it() -> None:
    ranking = KeyPoint("Exponentiation keeps the ranking.", ("preserves the ordering",))
    assert not judge(
        "People mention it preserves the ordering, but that doesn't really matter.", ranking
    )[0]
    assert judge("It preserves the ordering, which matters for argmax.", ranking)[0]


def test_a_claim_called_outdated_or_a_curiosity_right_after_it_is_dismissed() -> None:
    shift = KeyPoint("Subtract the max logit.", ("max-subtraction", "subtract the max"))
    assert not judge("The max-subtraction trick is kind of outdated, I'd say.", shift)[0]
    assert judge("Subtract the max, even with outdated frameworks.", shift)[0]
    labels = KeyPoint("Sigmoid per label: multi-label.", ("multi-label",))
    assert not judge("Honestly the multi-label sigmoid thing is outdated.", labels)[0]
    rows = KeyPoint("The Jacobian's rows sum to zero.", ("rows summing to zero",))
    assert not judge("The rows summing to zero is a curiosity, nothing more.", rows)[0]
    assert judge("The rows summing to zero follows from Σp = 1.", rows)[0]


def test_an_interval_in_brackets_is_a_range_the_function_must_have() -> None:
    binary = _deck_point("iq-relu-vs-sigmoid-tanh", 3)
    assert not judge("Sigmoid outputs in (−1, 1) for binary classification.", binary)[0]
    assert judge("Sigmoid outputs in (0, 1) for binary classification.", binary)[0]
    scaling = _deck_point("overview-why-important", 3)
    assert not judge("Output range: ReLU bounds every output to [0, 1].", scaling)[0]
    assert judge("Output range: sigmoid bounds every output to [0, 1].", scaling)[0]


def test_wrong_claims_of_dying_relu_causes_relu_at_zero_and_normalisation_contradict_them() -> None:
    causes = _deck_point("iq-dying-relu", 2)
    assert not judge("It's caused by a learning rate that's too small.", causes)[0]
    assert judge("It's caused by a learning rate that's too large.", causes)[0]
    fixes = _deck_point("iq-dying-relu", 4)
    assert not judge("The fix is to raise the learning rate.", fixes)[0]
    assert judge("The fix is to lower the learning rate.", fixes)[0]
    convention = _deck_point("iq-activation-memory", 2)
    assert not judge("By convention PyTorch uses ReLU′(0) = 1.", convention)[0]
    assert judge("By convention PyTorch uses ReLU′(0) = 0.", convention)[0]
    saturation = _deck_point("iq-vanishing-remedies", 2)
    assert not judge("Batch norm pushes activations into saturation.", saturation)[0]
    assert judge("Batch norm keeps activations out of saturation.", saturation)[0]
    flow = _deck_point("iq-what-and-why", 3)
    assert not judge("It fixes the output range, but backprop only uses the weights.", flow)[0]
    assert judge("It shapes gradient flow in backprop and the output range.", flow)[0]
    assert not judge("It shapes gradient flow in backprop.", flow)[0]


def test_a_claim_called_overkill_a_gimmick_or_hype_right_after_it_is_dismissed() -> None:
    diagnosis = KeyPoint("Share of zero outputs per unit.", ("zero fraction",))
    assert not judge("Checking the zero fraction per unit is overkill.", diagnosis)[0]
    assert judge("Check the zero fraction per unit over an epoch.", diagnosis)[0]
    leaky = KeyPoint("Fixes: Leaky ReLU.", ("leaky relu",))
    assert not judge("Leaky ReLU is a gimmick.", leaky)[0]


def test_a_sentence_opening_with_not_true_denies_the_one_before() -> None:
    scaling = KeyPoint("It can bound outputs.", ("outputs into a range",))
    assert not judge("People say they squash outputs into a range. Not true for ReLU.", scaling)[0]
    assert judge("They squash outputs into a range. That is true for sigmoid.", scaling)[0]


def test_a_claim_granted_only_in_theory_then_taken_back_is_denied() -> None:
    chain = KeyPoint("Gradients shrink by the chain rule.", ("chain rule",))
    assert not judge("The chain rule multiplying small factors, in theory yes, but no.", chain)[0]
    assert judge("In theory and in practice, the chain rule multiplies small factors.", chain)[0]


def test_words_the_speaker_takes_back_are_not_heard() -> None:
    point = KeyPoint("Non-linearity.", ("non-linearity",))
    assert not judge("Non-linearity, except no, I'd say that isn't it.", point)[0]
    assert not judge("Non-linearity, scratch that.", point)[0]
    assert judge("Non-linearity, and nothing else.", point)[0]


def test_a_subject_its_verb_calls_nonsense_is_dismissed() -> None:
    collapse = KeyPoint("Stacked linear layers collapse.", ("collapse",))
    assert not judge('The "layers collapse into one model" line is textbook nonsense.', collapse)[0]
    assert judge("Layers collapse into one model, and that is a textbook result.", collapse)[0]


def test_wrong_claims_of_batch_norm_softmax_and_relu_gradients_contradict_them() -> None:
    learned = _deck_point("iq-saturation-batch-norm", 3)
    assert not judge("γ and β are fixed at 1 and 0.", learned)[0]
    assert not judge("Its γ and β are frozen.", learned)[0]
    assert judge("Its γ and β are learned, so the layer stays expressive.", learned)[0]
    sums = _deck_point("iq-softmax-output", 1)
    assert not judge("Dividing each logit by the sum of the logits makes them sum to 1.", sums)[0]
    assert judge("Exponentiate, then divide by the sum, so they sum to 1.", sums)[0]
    relu = _deck_point("iq-vanishing-gradient", 3)
    assert not judge("ReLU fixes it because its gradient is 1 everywhere.", relu)[0]
    assert judge("ReLU fixes it because its gradient is 1 for positive inputs.", relu)[0]


def test_a_claim_said_to_rarely_matter_or_only_in_theory_is_discounted() -> None:
    scaling = KeyPoint("It can bound outputs.", ("bounding outputs",))
    assert not judge("Bounding outputs rarely matters with ReLU.", scaling)[0]
    assert judge("Bounding outputs rarely matters in hidden layers, but at the output it does.",
                 scaling)[0]  # fmt: skip
    residual = KeyPoint("Residual connections give an identity path.", ("identity path",))
    assert not judge("Residuals giving an identity path? That's only in theory.", residual)[0]
    assert not judge("Residuals give an identity path. Only in theory, though.", residual)[0]
    assert judge("Residuals give an identity path, in theory and in practice.", residual)[0]
    convention = KeyPoint("ReLU′(0) is a convention.", ("convention",))
    assert not judge("The ReLU'(0) convention only matters in theory.", convention)[0]
    assert not judge("The ReLU'(0) convention used to be true.", convention)[0]


def test_a_claim_reported_of_others_then_taken_back_in_practice_is_denied() -> None:
    large = KeyPoint("It stays large when confidently wrong.", ("confidently wrong",))
    assert not judge(
        "People say it stays big when you're confidently wrong, but in practice it vanishes.", large
    )[0]
    assert judge("People say it stays big when you're confidently wrong, and it does.", large)[0]
    stacked = KeyPoint("Stacked linear layers are still linear.", ("still linear",))
    assert not judge(
        "The textbook says stacked linear layers are still linear, but that rarely matters.",
        stacked,
    )[0]
