"""Sentences for findings, recommendations, playbooks and the comparison, from report dicts.

Shared by the text sections (:mod:`analytics.render.text.sections`, the CLI summary and the bot) and
the PDF/HTML report, so all of them say the same thing. Keys: ``advice-*`` in
``locales/<lang>/advice.ftl``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from analytics.advice import watch
from analytics.advice.facts import rows, section
from analytics.advice.money import RATE_KEYS
from analytics.advice.recommendations import HYGIENE
from analytics.render.text.kit import Tx, kebab


def _evidence(item: Mapping[str, Any]) -> Mapping[str, Any]:
    value = item.get("evidence")
    return value if isinstance(value, Mapping) else {}


def finding_text(finding: Mapping[str, Any], tx: Tx) -> str:
    """The finding as one or two sentences with its numbers."""
    code = kebab(str(finding.get("code")))
    return tx(f"advice-finding-{code}", **tx.args(_evidence(finding)))


def computed_on(item: Mapping[str, Any], tx: Tx) -> str:
    """What a finding's numbers are computed on."""
    return tx(f"advice-computed-on-{kebab(str(item.get('computed_on')))}")


def _effect(rec: Mapping[str, Any]) -> Mapping[str, Any]:
    value = rec.get("effect")
    return value if isinstance(value, Mapping) else {}


def _args(rec: Mapping[str, Any], tx: Tx) -> dict[str, Any]:
    effect = _effect(rec)
    factors = effect.get("factors") if isinstance(effect.get("factors"), Mapping) else {}
    targets = [str(s) for s in rec.get("segments") or []]
    evidence = _evidence(rec)
    args = tx.args(evidence)
    args.update(tx.args(factors or {}, prefix="x_"))
    args["target"] = ", ".join(tx.segment(s) for s in targets)
    args["effect"] = tx.money(effect.get("value") if effect else None)
    args["basis"] = tx(f"advice-basis-{effect.get('basis') or 'revenue'}")
    args["gain"] = tx("advice-gain", effect=args["effect"], basis=args["basis"])
    dimension = evidence.get("dimension")
    if dimension:
        args["dimension_name"] = tx(f"advice-target-{kebab(str(dimension))}")
    return args


def rec_title(rec: Mapping[str, Any], tx: Tx) -> str:
    """The short name of a recommendation."""
    return tx(f"advice-rec-{kebab(str(rec.get('code')))}-title", **_args(rec, tx))


def effect_text(rec: Mapping[str, Any], tx: Tx, *, arithmetic: bool = True,
                head: bool = True) -> str:
    """``+1 120 240 ₽ выручки за 12 мес. (от 560 120 до 1 680 360)`` and, with
    ``arithmetic``, how it was computed (with the discount, the margin and the cap) and
    where its rate comes from; without ``head`` (the title shows it) the arithmetic only."""
    effect = _effect(rec)
    if not effect:
        return tx("advice-effect-none" if rec.get("code") in HYGIENE else "advice-effect-unknown")
    args = _args(rec, tx)
    value = tx("advice-effect-value", effect=args["effect"], basis=args["basis"],
               low=tx.money(effect.get("low")), high=tx.money(effect.get("high")))
    if not arithmetic:
        return value
    margin = tx("advice-effect-margin", **args) if "x_margin" in args else ""
    formula = tx("advice-effect-terms", formula=tx(
        f"advice-effect-{kebab(str(effect.get('formula')))}", **args), margin=margin,
        x_discount=args.get("x_discount", ""), product=tx.money(effect.get("product")))
    if effect.get("capped"):
        formula = tx("advice-effect-capped", arithmetic=formula, cap=tx.money(effect.get("cap")),
                     cap_basis=tx(f"advice-cap-{kebab(str(effect.get('cap_basis')))}"))
    factors = effect.get("factors") if isinstance(effect.get("factors"), Mapping) else {}
    rate = next((k for k in RATE_KEYS if k in (factors or {})), None)
    source = "" if rate is None else tx(
        f"advice-source-{effect.get('rate_source') or 'assumption'}", rate=args[f"x_{rate}"])
    if not head:
        return f"{formula}. {source}".rstrip()
    return tx("advice-effect-with-formula", head=value, formula=formula, source=source).rstrip()


def top_steps(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The plan's steps (valued, aimed at different customers), in rank order."""
    codes = section(report, "plan").get("steps") or []
    return [r for r in rows(report.get("recommendations")) if r.get("code") in codes]


def plan_total(report: Mapping[str, Any], tx: Tx) -> str | None:
    """The plan's steps together (they are aimed at different customers), or ``None`` when
    the plan has fewer than two valued steps."""
    plan = section(report, "plan")
    if len(plan.get("steps") or []) < 2:
        return None
    return tx("advice-plan-total", value=tx.money(plan.get("value")),
              low=tx.money(plan.get("low")), high=tx.money(plan.get("high")),
              basis=tx(f"advice-basis-{plan.get('basis') or 'revenue'}"))


def overlaps_text(rec: Mapping[str, Any], report: Mapping[str, Any], tx: Tx) -> str | None:
    """Which of the plan's steps ``rec`` shares its customers with, or ``None``."""
    codes = [str(c) for c in rec.get("overlaps") or []]
    if not codes:
        return None
    recs = {str(r.get("code")): r for r in rows(report.get("recommendations"))}
    titles = "», «".join(rec_title(recs.get(c, {"code": c}), tx) for c in codes)
    return tx("advice-overlaps", titles=titles)


def watch_text(rec: Mapping[str, Any], report: Mapping[str, Any], tx: Tx) -> str:
    """The metric to watch and its current value in ``report``."""
    code = str(rec.get("watch"))
    name = tx(f"advice-watch-{kebab(code)}")
    metric = watch.WATCH.get(code)
    value = watch.read(code, report, _evidence(rec))
    if metric is None or value is None:
        return name
    return tx("advice-watch-now", name=name, value=metric_value(metric.kind, value, tx))


def metric_value(kind: str, value: float | None, tx: Tx) -> str:
    """A watch metric's value printed by its kind."""
    if kind == "money":
        return tx.money(value)
    if kind == "share":
        return tx.share(value)
    return tx.number(value, 0 if kind == "number" else 2)


def hadi(rec: Mapping[str, Any], report: Mapping[str, Any], tx: Tx, *,
         effect_head: bool = True, only: Collection[str] = ()) -> list[tuple[str, str]]:
    """(lead, text) pairs: hypothesis, action, first step, metric to watch, growth metric,
    expected effect (its arithmetic only without ``effect_head``: a title shows the value),
    and the finding behind it (``why``); ``only`` these parts when given."""
    code = kebab(str(rec.get("code")))
    args = _args(rec, tx)
    growth = str(rec.get("growth_metric"))
    valued = bool(rec.get("effect")) or rec.get("code") in HYGIENE
    watch_name = tx(f"advice-watch-{kebab(str(rec.get('watch')))}")
    hypothesis = (tx(f"advice-rec-{code}-hypothesis", **args) if valued else
                  tx("advice-rec-unvalued-hypothesis", title=rec_title(rec, tx),
                     target=args["target"], watch=watch_name))
    shape = str(section(section(report, "diagnosis"), "shape").get("kind", ""))
    parts = [
        ("hypothesis", hypothesis),
        # in the wording of the business's shape (key-b2b, key-courses) where it has one
        ("action", tx(tx.variant(f"advice-rec-{code}-action", shape), **args)),
        ("step", tx(tx.variant(f"advice-rec-{code}-step", shape), **args)),
        ("watch", watch_text(rec, report, tx)),
        ("growth", tx(f"advice-growth-{growth}")),
        ("effect", " ".join(filter(None, [effect_text(rec, tx, head=effect_head),
                                          overlaps_text(rec, report, tx)]))),
    ]
    finding = next((f for f in rows(report.get("findings"))
                    if f.get("code") == rec.get("finding")), None)
    if finding is not None:
        parts.append(("why", tx("advice-why", text=finding_text(finding, tx),
                                base=computed_on(finding, tx))))
    return [(tx(f"advice-lead-{lead}"), text) for lead, text in parts if not only or lead in only]


def playbook_text(book: Mapping[str, Any], tx: Tx) -> str:
    """What to offer a segment, through which channel, how often."""
    return tx("advice-playbook",
              offer=tx(f"advice-offer-{kebab(str(book.get('offer')))}"),
              channel=tx(f"advice-channel-{kebab(str(book.get('channel')))}"),
              cadence=tx(f"advice-cadence-{kebab(str(book.get('cadence')))}"))


def change_text(change: Mapping[str, Any], kind: str, tx: Tx, name: str) -> str:
    """``Активная база: 112 → 42 (−70), хуже``."""
    old, new, delta = (change.get(k) for k in ("old", "new", "change"))
    sign = "+" if isinstance(delta, int | float) and delta > 0 else ""
    if isinstance(delta, int | float):
        shown = sign + (tx.share(delta) if kind == "share" else metric_value(kind, delta, tx))
    else:
        shown = "—"
    return tx("advice-compare-line", name=name,
              old=metric_value(kind, old if isinstance(old, int | float) else None, tx),
              new=metric_value(kind, new if isinstance(new, int | float) else None, tx),
              change=shown, verdict=tx(f"advice-compare-verdict-{change.get('verdict')}"))


def comparison_parts(report: Mapping[str, Any], tx: Tx) -> list[tuple[str, list[str]]]:
    """(heading, lines) groups of the ``comparison`` section; empty without one."""
    comp = section(report, "comparison")
    if not comp:
        return []
    old, new = section(comp, "old"), section(comp, "new")
    head = [tx("advice-compare-periods", old=tx.date(old.get("date_to")),
               new=tx.date(new.get("date_to")))]
    head += [tx(f"advice-compare-warning-{kebab(str(w))}") for w in comp.get("warnings") or []]
    top = section(comp, "top_recommendation")
    if top:
        kind = watch.WATCH[str(top["watch"])].kind if top.get("watch") in watch.WATCH else "ratio"
        head.append(tx("advice-compare-top", title=rec_title(top, tx),
                       line=change_text(top, kind, tx,
                                        tx(f"advice-watch-{kebab(str(top.get('watch')))}"))))
    metrics = [change_text(c, watch.WATCH[str(c.get("code"))].kind, tx,
                           tx(f"advice-watch-{kebab(str(c.get('code')))}"))
               for c in rows(comp.get("metrics")) if c.get("code") in watch.WATCH]
    segments = [change_text(c, "number", tx, tx.segment(str(c.get("code"))))
                for c in rows(comp.get("segments"))]
    found = section(comp, "findings")
    findings = [tx(f"advice-compare-findings-{state}",
                   items=", ".join(tx(f"advice-finding-name-{kebab(str(c))}") for c in codes))
                for state in ("resolved", "persisting", "new")
                if isinstance(codes := found.get(state), list) and codes]
    return [("", head), (tx("advice-compare-metrics"), metrics),
            (tx("advice-compare-segments"), segments), (tx("advice-compare-findings"), findings)]
