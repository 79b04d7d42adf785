"""The building blocks of a questionnaire (no aiogram here: plain data and functions)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from storage import AnswerSection


@dataclass(frozen=True)
class Verdict:
    """What to do with an answer.

    ``reask``: invalid, ask the same question again with this (key, args) explanation;
    ``follow_up``: accepted, but ask this one clarifying question first (its answer is
    appended to the original); otherwise ``value`` is stored and the dialog moves on.
    """

    value: Any = None
    reask: tuple[str, dict[str, Any]] | None = None
    follow_up: tuple[str, dict[str, Any]] | None = None


Check = Callable[[str, Mapping[str, Any]], Verdict]


def accept(text: str, answers: Mapping[str, Any]) -> Verdict:
    """Any non-empty text."""
    return Verdict(value=text.strip()) if text.strip() else Verdict(reask=("dlg-empty", {}))


@dataclass(frozen=True)
class Question:
    """One question: its answer is stored under ``code``.

    ``prompt`` and ``hint`` are locale keys; ``options`` are (value, label key) buttons;
    ``typed`` says whether a typed answer is accepted (else only the buttons);
    ``suggest`` returns extra (value, label text) buttons computed from the dialog's
    ``extras`` (e.g. a number taken from the user's last audit).
    """

    code: str
    prompt: str
    hint: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    typed: bool = True
    optional: bool = False
    check: Check = accept
    suggest: Callable[[Mapping[str, Any], str], list[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class Flow:
    """A questionnaire: the questions, where answers are stored, and the result builder.

    ``result(answers, extras, lang)`` returns the messages (Telegram HTML) shown at the
    end; ``store(answers, stored)`` returns (item, value) pairs to save in ``section``;
    ``then`` names the work that follows (else the menu is shown).
    """

    name: str
    section: AnswerSection
    questions: tuple[Question, ...]
    store: Callable[[Mapping[str, Any], Mapping[str, Any]], dict[str, Any]]
    result: Callable[[Mapping[str, Any], Mapping[str, Any], str], list[str]]
    intro: str = ""
    then: str = ""
    """Work (``"module:function"``) started when the questionnaire is done, instead of the
    menu."""

    def index_of(self, code: str) -> int:
        """Position of the question stored under ``code``."""
        return next(i for i, q in enumerate(self.questions) if q.code == code)
