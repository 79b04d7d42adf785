"""Questionnaires as data: each flow is a list of questions with checks and a result.

The handlers in :mod:`bot.handlers.dialogs` run any flow the same way (ask, validate,
re-ask, one follow-up for a vague answer, back / skip / cancel, resume after a restart),
so a flow module only says what to ask and what to make of the answers.
"""

from bot.dialogs.business import BUSINESS
from bot.dialogs.engine import Flow, Question, Verdict
from bot.dialogs.traction import TRACTION
from bot.dialogs.unit_economics import UNIT_ECONOMICS
from bot.dialogs.value_prop import VALUE_PROP

FLOWS: dict[str, Flow] = {flow.name: flow
                          for flow in (VALUE_PROP, UNIT_ECONOMICS, TRACTION, BUSINESS)}

__all__ = ["FLOWS", "Flow", "Question", "Verdict"]
