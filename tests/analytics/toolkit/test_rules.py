"""Vague-answer rules: answers that must and must not be flagged, in Russian and English."""

from __future__ import annotations

import pytest

from analytics.toolkit.value_prop import assess_answer


def codes(field: str, text: str, context: dict[str, str] | None = None) -> tuple[str, ...]:
    return assess_answer(field, text, context).weaknesses


# --------------------------------------------------------------------------- empty, don't know


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_answers_are_flagged_empty(text: str | None) -> None:
    assert codes("segment", text or "") == ("empty",)


@pytest.mark.parametrize(
    "text", ["не знаю", "Не знаю.", "хз", "-", "???", "нет", "n/a", "Don't know", "no idea", "TBD"]
)
def test_non_answers_are_dont_know(text: str) -> None:
    assert codes("problem", text) == ("dont_know",)


# --------------------------------------------------------------------------- repeats the question


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("problem", "Решаем проблему клиента"),
        ("problem", "проблему клиента решаем"),
        ("segment", "Клиенты, которые получают выгоду"),
        ("problem", "We solve the client's problem"),
        ("extra_benefit", "Client gets benefit"),
        ("proof", "Проверяем, что клиент получил выгоду"),
    ],
)
def test_answers_that_repeat_the_question_are_flagged(field: str, text: str) -> None:
    assert codes(field, text) == ("repeats_question",)


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("problem", "Клиенты забывают о записи и не приходят, мастер простаивает"),
        ("problem", "Clients forget their appointment and the stylist sits idle"),
    ],
)
def test_real_answers_do_not_repeat_the_question(field: str, text: str) -> None:
    assert "repeats_question" not in codes(field, text)


# --------------------------------------------------------------------------- too short


@pytest.mark.parametrize(
    ("field", "text"),
    [("segment", "Мамы"), ("segment", "Owners"), ("problem", "Дорого"), ("proof", "NPS")],
)
def test_too_short_answers(field: str, text: str) -> None:
    assert "too_short" in codes(field, text)


def test_minimum_length_is_per_field() -> None:
    assert "too_short" not in codes("segment", "Мамы в декрете")
    assert "too_short" in codes("problem", "Мамы в декрете")


# --------------------------------------------------------------------------- vague words

VAGUE_SEGMENTS_RU = [
    ("Все, кто любит кофе", "все"),
    ("Всем, у кого есть машина", "всем"),
    ("Малый и средний бизнес в России", "малый и средний бизнес"),
    ("Малому и среднему бизнесу любой отрасли", "малому и среднему бизнесу"),
    ("Любой человек старше 18 лет", "любой"),
    ("Широкий круг покупателей в городе", "широкий круг"),
    ("Компании сегмента МСБ из Москвы", "мсб"),
    ("Всё население Казани", "все"),
]
VAGUE_SEGMENTS_EN = [
    ("Everyone who likes good coffee", "everyone"),
    ("Small and medium businesses in Europe", "small and medium businesses"),
    ("Small and medium-sized enterprises in retail", "small and medium-sized enterprises"),
    ("Anyone with a car in the city", "anyone"),
    ("SMB owners across the country", "smb"),
]


@pytest.mark.parametrize(("text", "word"), VAGUE_SEGMENTS_RU + VAGUE_SEGMENTS_EN)
def test_vague_segments_are_flagged_with_the_word(text: str, word: str) -> None:
    verdict = assess_answer("segment", text)
    assert "vague" in verdict.weaknesses
    assert word in verdict.vague_words
    assert verdict.follow_up == "tk-vp-fu-segment-vague" or verdict.weaknesses[0] != "vague"


@pytest.mark.parametrize(
    "text",
    [
        "Владельцы независимых кофеен в Казани на 1–3 точки",
        "Главные бухгалтеры производственных компаний на 50–200 сотрудников",
        "Мамы детей до трёх лет в спальных районах Москвы",
        "Всеволод и другие владельцы автосервисов в Твери",  # "Все" inside a word
        "Owners of independent coffee shops with 1-3 locations",
        "Chief accountants at manufacturers with 50-200 staff",
        "Allergy sufferers in Berlin who cook at home",  # "all" inside a word
    ],
)
def test_concrete_segments_are_not_flagged(text: str) -> None:
    assert codes("segment", text) == ()


@pytest.mark.parametrize(
    ("field", "text", "word"),
    [
        ("solution", "Качественное свежеобжаренное зерно с доставкой", "качественное"),
        ("solution", "Лучший сервис по доставке цветов", "лучший"),
        ("solution", "Индивидуальный подход к каждому клиенту", "индивидуальный подход"),
        ("extra_benefit", "Удобно и выгодно для всей семьи, экономия 2 часов", "удобно"),
        ("solution", "High quality coffee beans delivered weekly", "high quality"),
        ("solution", "The best flower delivery service in town", "best"),
        ("solution", "A professional team with a unique method", "professional"),
    ],
)
def test_filler_words_are_vague_in_any_field(field: str, text: str, word: str) -> None:
    verdict = assess_answer(field, text)
    assert "vague" in verdict.weaknesses
    assert word in verdict.vague_words


def test_audience_words_are_vague_only_in_the_segment() -> None:
    # "всё время" in a problem is not an audience
    assert "vague" not in codes("problem", "Бариста всё время перенастраивают помол")
    assert "vague" in codes("segment", "Все бариста города Казани")


# --------------------------------------------------------------------------- situation


@pytest.mark.parametrize(
    "text",
    [
        "Когда приходит новая партия зерна",
        "Перед выходными, в пятницу вечером",
        "После переезда в новый офис",
        "Каждый раз при закрытии месяца",
        "В сезон отпусков, в июле",
        "Через 2 недели после покупки",
        "When a new batch of beans arrives",
        "Before the weekend rush on Fridays",
        "During the end-of-month close",
    ],
)
def test_situations_with_a_trigger_pass(text: str) -> None:
    assert codes("situation", text) == ()


@pytest.mark.parametrize(
    "text", ["Ресторан в центре города", "Офис крупной компании", "A restaurant downtown"]
)
def test_situations_without_a_trigger_are_flagged(text: str) -> None:
    verdict = assess_answer("situation", text)
    assert verdict.weaknesses == ("no_situation",)
    assert verdict.follow_up == "tk-vp-fu-situation-no-situation"


def test_problem_without_situation_is_flagged_only_when_situation_is_missing() -> None:
    problem = "Гости жалуются на горький эспрессо и уходят к конкурентам"
    assert codes("problem", problem) == ()  # alone: the situation question comes next
    assert codes("problem", problem, {"situation": ""}) == ("no_situation",)
    assert codes("problem", problem, {"situation": "не знаю"}) == ("no_situation",)
    assert codes("problem", problem, {"situation": "Когда приходит новая партия"}) == ()
    with_trigger = "Когда приходит зерно, гости жалуются на горький эспрессо"
    assert codes("problem", with_trigger, {"situation": ""}) == ()
    english = "Guests complain about bitter espresso and leave"
    assert codes("problem", english, {"situation": ""}) == ("no_situation",)


# --------------------------------------------------------------------------- benefit measure


@pytest.mark.parametrize(
    "text",
    [
        "Экономит 3 часа в неделю на закупках",
        "Вдвое меньше брака при обжарке",
        "На 20% больше повторных заказов",
        "Saves three hours a week on purchasing",
        "Twice as many repeat orders",
        "Half the waste at roasting",
    ],
)
def test_benefits_with_a_measure_pass(text: str) -> None:
    assert codes("extra_benefit", text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Экономит время на закупках",
        "Клиенты становятся спокойнее и увереннее",
        "Saves time on purchasing",
        "Clients feel calmer and more confident",
    ],
)
def test_benefits_without_a_measure_are_flagged(text: str) -> None:
    verdict = assess_answer("extra_benefit", text)
    assert verdict.weaknesses == ("no_measure",)
    assert verdict.follow_up == "tk-vp-fu-extra-benefit-no-measure"


# --------------------------------------------------------------------------- proof


@pytest.mark.parametrize(
    "text",
    [
        "Через месяц сравниваем долю повторных заказов",
        "Смотрим NPS после каждой доставки",
        "Раз в квартал считаем конверсию в повторную покупку",
        "After 30 days we compare the repeat-order share",
        "We check the NPS score every month",
    ],
)
def test_proofs_with_metric_and_moment_pass(text: str) -> None:
    assert codes("proof", text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Клиенты довольны и пишут хорошие отзывы", ("no_metric", "no_moment")),
        ("Смотрим долю повторных заказов", ("no_moment",)),
        ("Спрашиваем клиентов через месяц, как дела", ("no_metric",)),
        ("Clients are happy and write nice reviews", ("no_metric", "no_moment")),
        ("We look at the repeat order share", ("no_moment",)),
        ("We call clients after a month to chat", ("no_metric",)),
    ],
)
def test_proofs_without_metric_or_moment_are_flagged(text: str, expected: tuple[str, ...]) -> None:
    assert codes("proof", text) == expected


# --------------------------------------------------------------------------- follow-up order


def test_follow_up_addresses_the_most_serious_weakness_first() -> None:
    verdict = assess_answer("extra_benefit", "Удобно")
    assert verdict.weaknesses == ("too_short", "vague", "no_measure")
    assert verdict.follow_up == "tk-vp-fu-extra-benefit-too-short"
    assert verdict.args == {"word": "удобно", "min": 3}
    assert not verdict.ok and not verdict.missing


def test_concrete_answer_has_no_follow_up() -> None:
    verdict = assess_answer("segment", "Владельцы кофеен в Казани на 1–3 точки")
    assert verdict.ok and verdict.follow_up is None
    assert verdict.to_dict()["weaknesses"] == []


def test_unknown_field_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown value-proposition field"):
        assess_answer("price", "100")
