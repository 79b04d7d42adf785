"""Value proposition (DOMAIN.md section 1): five questions per client segment, judged for
concreteness, with follow-ups, a completeness score, the "stop doing nonsense" check and a
problem-interview script.

The bot drives the questions as a dialog::

    for field in FIELDS:                       # ask t(lang, question_key(field))
        verdict = assess_answer(field, text, context=answers_so_far)
        if verdict.follow_up:                  # ask t(lang, verdict.follow_up, **verdict.args)
            ...                                # the user may refine or keep the answer
    result = assess_proposition(PropositionAnswers(**answers))

Everything returned is codes and numbers; texts are in ``locales/*/toolkit.ftl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from analytics.locales import LANGUAGES, t
from analytics.toolkit import rules

FIELDS: tuple[str, ...] = (
    "segment", "problem", "situation", "solution", "extra_benefit", "proof",
)
"""Question codes in the order the bot asks them."""

CORE_FIELDS: tuple[str, ...] = ("segment", "problem", "situation", "extra_benefit", "proof")
"""The five questions of DOMAIN.md section 1; they make up the completeness score.
``solution`` (what you offer) is asked too, for the "segment - problem - solution -
benefit" statement, but is not one of the five."""

MIN_WORDS: dict[str, int] = {
    "segment": 3, "problem": 4, "situation": 3, "solution": 3, "extra_benefit": 3, "proof": 3,
}
"""Fewer words than this makes an answer ``too_short``."""

WEAKNESSES: tuple[str, ...] = (
    "empty", "dont_know", "repeats_question", "too_short", "vague",
    "no_situation", "no_measure", "no_metric", "no_moment",
)
"""Weakness codes, most serious first; the follow-up addresses the first one found."""

MISSING_WEAKNESSES = frozenset({"empty", "dont_know", "repeats_question"})
"""An answer with one of these counts as not given."""

FIELD_WEAKNESSES: dict[str, tuple[str, ...]] = {
    "segment": ("empty", "dont_know", "repeats_question", "too_short", "vague"),
    "problem": ("empty", "dont_know", "repeats_question", "too_short", "vague", "no_situation"),
    "situation": ("empty", "dont_know", "repeats_question", "too_short", "vague",
                  "no_situation"),
    "solution": ("empty", "dont_know", "repeats_question", "too_short", "vague"),
    "extra_benefit": ("empty", "dont_know", "repeats_question", "too_short", "vague",
                      "no_measure"),
    "proof": ("empty", "dont_know", "repeats_question", "too_short", "vague", "no_metric",
              "no_moment"),
}
"""Which weaknesses each field can have (each pair has a follow-up text)."""

POINTS_STRONG = 20
POINTS_WEAK = 10
"""Completeness: each of the five core answers gives 20 points when it has no weakness,
10 when it is given but weak, 0 when missing (max 100)."""

YesNo = Literal["yes", "no", "unknown"]


def question_key(field_code: str) -> str:
    """Locale key of the question for ``field_code``."""
    return f"tk-vp-q-{field_code.replace('_', '-')}"


def hint_key(field_code: str) -> str:
    """Locale key of the example / hint shown under the question."""
    return f"tk-vp-hint-{field_code.replace('_', '-')}"


def follow_up_key(field_code: str, weakness: str) -> str:
    """Locale key of the follow-up question for a weakness of a field."""
    return f"tk-vp-fu-{field_code.replace('_', '-')}-{weakness.replace('_', '-')}"


def weakness_key(weakness: str) -> str:
    """Locale key of the short name of a weakness (for the brief)."""
    return f"tk-vp-weak-{weakness.replace('_', '-')}"


@dataclass(frozen=True)
class Assessment:
    """The verdict on one answer: weakness codes (most serious first) and the follow-up.

    ``follow_up`` is a locale key (None when the answer is concrete); format it with
    ``args`` (``word`` = the first vague word found, ``min`` = the minimum word count).
    """

    field: str
    weaknesses: tuple[str, ...]
    follow_up: str | None
    vague_words: tuple[str, ...] = ()
    words: int = 0

    @property
    def ok(self) -> bool:
        """True when no weakness was found."""
        return not self.weaknesses

    @property
    def missing(self) -> bool:
        """True when the answer counts as not given (empty, "don't know", a repeat)."""
        return any(w in MISSING_WEAKNESSES for w in self.weaknesses)

    @property
    def args(self) -> dict[str, Any]:
        """Arguments for the follow-up text."""
        return {"word": self.vague_words[0] if self.vague_words else "",
                "min": MIN_WORDS.get(self.field, 3)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"field": self.field, "weaknesses": list(self.weaknesses),
                "follow_up": self.follow_up, "vague_words": list(self.vague_words),
                "words": self.words}


def _question_texts(field_code: str) -> tuple[str, ...]:
    return tuple(t(lang, question_key(field_code)) for lang in LANGUAGES)


def assess_answer(
    field_code: str, text: str | None, context: dict[str, str] | None = None
) -> Assessment:
    """Judge one answer for concreteness with the rules of :mod:`analytics.toolkit.rules`.

    ``context`` holds the other answers of the same segment; it is used for one rule: a
    ``problem`` with no trigger of its own is flagged ``no_situation`` only when the
    ``situation`` answer is known to be missing (``context`` given and its ``situation``
    empty or a non-answer). Rules cover Russian and English at once.

    >>> assess_answer("segment", "Все").weaknesses
    ('too_short', 'vague')
    """
    if field_code not in FIELD_WEAKNESSES:
        raise ValueError(f"unknown value-proposition field: {field_code}")
    text = (text or "").strip()
    tokens = rules.words(text)
    found: list[str] = []
    vague: tuple[str, ...] = ()
    if not tokens and not text:
        found.append("empty")
    elif rules.is_dont_know(text):
        found.append("dont_know")
    elif rules.repeats_question(text, _question_texts(field_code)):
        found.append("repeats_question")
    else:
        if len(tokens) < MIN_WORDS[field_code]:
            found.append("too_short")
        vague = rules.vague_words(text, audience=field_code == "segment")
        if vague:
            found.append("vague")
        if field_code == "situation" and not rules.has_situation(text):
            found.append("no_situation")
        if field_code == "problem" and context is not None and not rules.has_situation(text):
            situation = assess_answer("situation", context.get("situation", ""))
            if situation.missing:
                found.append("no_situation")
        if field_code == "extra_benefit" and not rules.has_measure(text):
            found.append("no_measure")
        if field_code == "proof":
            if not rules.has_metric(text):
                found.append("no_metric")
            if not rules.has_moment(text):
                found.append("no_moment")
    order = {code: i for i, code in enumerate(WEAKNESSES)}
    found.sort(key=order.__getitem__)
    follow_up = follow_up_key(field_code, found[0]) if found else None
    return Assessment(field_code, tuple(found), follow_up, vague, len(tokens))


def combine_answers(original: str, clarification: str) -> str:
    """The answer after a follow-up: the original with the clarification appended."""
    original, clarification = original.strip(), clarification.strip()
    if not original:
        return clarification
    if not clarification:
        return original
    joiner = " " if original.endswith((".", "!", "?", ";")) else ". "
    return original + joiner + clarification


# --------------------------------------------------------------------------- stop check

STOP_QUESTIONS: tuple[str, ...] = ("benefit", "clients_asked", "clients_confirm")
"""The three "stop doing nonsense" questions: which benefit do you bring (text; defaults
to the extra-benefit answer), did clients ask for it, do clients name it when asked."""


def stop_question_key(code: str) -> str:
    """Locale key of a stop-check question."""
    return f"tk-vp-stop-q-{code.replace('_', '-')}"


def parse_yes_no(value: object) -> YesNo:
    """Normalise yes/no answers: booleans, "да"/"нет", "yes"/"no"; anything else unknown."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = rules.normalise(str(value or "")).strip(" .!")
    if text in {"yes", "y", "да", "д", "true", "1", "+", "ага", "конечно"}:
        return "yes"
    if text in {"no", "n", "нет", "н", "false", "0", "-"}:
        return "no"
    return "unknown"


@dataclass(frozen=True)
class StopCheck:
    """The "stop doing nonsense" check.

    ``verdict``: ``passed`` (clients asked for the benefit and name it themselves, and the
    problem interviews that check it are done), ``failed`` (either answer is no),
    ``unverified`` (not known, or the interviews not done yet: go and ask).
    ``advice`` is the locale key of the next step; ``interviews`` the traction map's
    problem-interview answer (yes / partly / no / unknown).
    """

    benefit: str
    clients_asked: YesNo
    clients_confirm: YesNo
    verdict: Literal["passed", "failed", "unverified"]
    advice: str
    interviews: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"benefit": self.benefit, "clients_asked": self.clients_asked,
                "clients_confirm": self.clients_confirm, "verdict": self.verdict,
                "advice": self.advice, "interviews": self.interviews}


def stop_check(benefit: str, clients_asked: object, clients_confirm: object,
               interviews: str = "unknown") -> StopCheck:
    """Evaluate the three-question check (answers as in :func:`parse_yes_no`).

    The check cannot pass before the problem interviews it relies on: with ``interviews``
    other than ``yes`` two yeses give ``unverified`` (advice: run the interviews)."""
    asked, confirm = parse_yes_no(clients_asked), parse_yes_no(clients_confirm)
    if not benefit.strip():
        verdict: Literal["passed", "failed", "unverified"] = "failed"
        advice = "no-benefit"
    elif asked == "no" and confirm == "no":
        verdict, advice = "failed", "nobody-wants"
    elif asked == "no":
        verdict, advice = "failed", "not-asked"
    elif confirm == "no":
        verdict, advice = "failed", "not-confirmed"
    elif asked == "yes" and confirm == "yes" and interviews == "yes":
        verdict, advice = "passed", "passed"
    elif asked == "yes" and confirm == "yes":
        verdict, advice = "unverified", "interviews-first"
    else:
        verdict, advice = "unverified", "unverified"
    return StopCheck(benefit.strip(), asked, confirm, verdict, f"tk-vp-stop-advice-{advice}",
                     interviews)


# --------------------------------------------------------------------------- interview

INTERVIEW_QUESTIONS: tuple[str, ...] = (
    "context", "last-time", "situation", "actions", "cost", "tried", "frequency",
    "ideal", "proof", "others",
)
"""Problem-interview questions in order (locale keys ``tk-iv-q-<code>``; a ``-generic``
variant is used when the answer the question quotes was not given)."""

INTERVIEW_RULES: tuple[str, ...] = ("no-pitch", "past", "facts", "silence", "numbers", "count")
"""Rules for the interviewer (locale keys ``tk-iv-rule-<code>``)."""


@dataclass(frozen=True)
class InterviewLine:
    """One interview question: its locale key and the arguments to format it with."""

    key: str
    args: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"key": self.key, "args": dict(self.args)}


@dataclass(frozen=True)
class InterviewScript:
    """A problem-interview script for one segment: intro, questions, interviewer rules."""

    segment: str
    intro: InterviewLine
    questions: tuple[InterviewLine, ...]
    rules: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"segment": self.segment, "intro": self.intro.to_dict(),
                "questions": [q.to_dict() for q in self.questions],
                "rules": list(self.rules)}


def clip(text: str, limit: int = 140) -> str:
    """``text`` on one line, at most ``limit`` characters, cut between words (never inside
    one) with an ellipsis."""
    text = " ".join(text.split()).rstrip(" .")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def interview_script(answers: PropositionAnswers) -> InterviewScript:
    """A problem-interview script from the owner's answers: open questions about the last
    time the problem happened, what was done, what it cost, what was tried; the solution
    and the owner's product are never mentioned (no pitching).

    The owner's answers are quoted (in guillemets) rather than spliced into sentences, so
    the questions stay grammatical in Russian whatever the answer's case and number. Only
    concrete answers are quoted: a weak one ("Хотят вкусный кофе") is the owner's guess,
    not a customer's situation, and the generic question is asked instead.
    """
    usable = {
        f: clip(getattr(answers, f))
        for f in ("segment", "problem", "situation", "extra_benefit", "proof")
        if assess_answer(f, getattr(answers, f)).ok
    }
    lines: list[InterviewLine] = []
    quoted = {
        "last-time": "problem", "situation": "situation", "ideal": "extra_benefit",
        "proof": "proof",
    }
    for code in INTERVIEW_QUESTIONS:
        source = quoted.get(code)
        if source is None:
            lines.append(InterviewLine(f"tk-iv-q-{code}", {}))
        elif source in usable:
            lines.append(InterviewLine(f"tk-iv-q-{code}", {"text": usable[source]}))
        else:
            lines.append(InterviewLine(f"tk-iv-q-{code}-generic", {}))
    segment = usable.get("segment", "")
    intro = InterviewLine("tk-iv-intro" if segment else "tk-iv-intro-generic",
                          {"segment": segment} if segment else {})
    return InterviewScript(segment, intro, tuple(lines), INTERVIEW_RULES)


# --------------------------------------------------------------------------- proposition


@dataclass(frozen=True)
class PropositionAnswers:
    """The owner's answers for one client segment (any may be empty).

    ``clients_asked`` / ``clients_confirm`` are the stop-check answers (yes/no/unknown);
    ``benefit`` is the stop-check benefit, defaulting to ``extra_benefit``.
    """

    segment: str = ""
    problem: str = ""
    situation: str = ""
    solution: str = ""
    extra_benefit: str = ""
    proof: str = ""
    benefit: str = ""
    clients_asked: str = "unknown"
    clients_confirm: str = "unknown"

    def as_context(self) -> dict[str, str]:
        """The answers as a field -> text mapping."""
        return {f: getattr(self, f) for f in FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {**self.as_context(), "benefit": self.benefit,
                "clients_asked": self.clients_asked, "clients_confirm": self.clients_confirm}


@dataclass(frozen=True)
class Proposition:
    """A judged value proposition for one segment.

    ``statement`` maps segment, problem, solution, benefit, proof, situation to the answer
    text or None when missing; ``score`` is 0..100 (see :data:`POINTS_STRONG`);
    ``missing`` / ``weak`` list core fields not given / given but weak.
    """

    answers: PropositionAnswers
    assessments: dict[str, Assessment]
    score: int
    missing: tuple[str, ...]
    weak: tuple[str, ...]
    statement: dict[str, str | None]
    check: StopCheck
    interview: InterviewScript = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "answers": self.answers.to_dict(),
            "assessments": {k: v.to_dict() for k, v in self.assessments.items()},
            "score": self.score,
            "missing": list(self.missing),
            "weak": list(self.weak),
            "statement": dict(self.statement),
            "stop_check": self.check.to_dict(),
            "interview": self.interview.to_dict(),
        }


def completeness(
    assessments: dict[str, Assessment],
) -> tuple[int, tuple[str, ...], tuple[str, ...]]:
    """Score 0..100 over the five core fields, the missing fields and the weak fields."""
    score = 0
    missing: list[str] = []
    weak: list[str] = []
    for code in CORE_FIELDS:
        verdict = assessments[code]
        if verdict.missing:
            missing.append(code)
        elif verdict.weaknesses:
            weak.append(code)
            score += POINTS_WEAK
        else:
            score += POINTS_STRONG
    return score, tuple(missing), tuple(weak)


def assess_proposition(answers: PropositionAnswers, interviews: str = "unknown") -> Proposition:
    """Judge every answer of one segment and build the proposition, check and script
    (``interviews``: the traction map's problem-interview answer, for the stop check)."""
    context = answers.as_context()
    assessments = {f: assess_answer(f, context[f], context) for f in FIELDS}
    score, missing, weak = completeness(assessments)

    def given(code: str) -> str | None:
        return None if assessments[code].missing else context[code].strip()

    statement = {
        "segment": given("segment"),
        "problem": given("problem"),
        "situation": given("situation"),
        "solution": given("solution"),
        "benefit": given("extra_benefit"),
        "proof": given("proof"),
    }
    check = stop_check(answers.benefit or answers.extra_benefit, answers.clients_asked,
                       answers.clients_confirm, interviews)
    return Proposition(answers, assessments, score, missing, weak, statement, check,
                       interview_script(answers))
