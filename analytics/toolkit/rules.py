"""Transparent concreteness rules for value-proposition answers (Russian and English at once).

Every rule is a word list or a regular expression over the *normalised* answer (lower case,
``ё`` -> ``е``, runs of spaces collapsed), so a user can be told exactly why an answer was
flagged. The lists cover both languages at once; no language detection is needed.

Rules (weakness codes, checked in this order; see ``docs/toolkit.md``):

``empty``             nothing written.
``dont_know``         "не знаю", "нет", "-", "don't know", "n/a"... (the whole answer).
``repeats_question``  at least 80% of the answer's content words are words of the question
                      itself (compared by their first five letters), e.g. "решаем проблему
                      клиента" to "Какую проблему клиента вы решаете?".
``too_short``         fewer words than the field's minimum (:data:`MIN_WORDS`).
``vague``             a vague word: audience words ("все", "всем", "малый и средний бизнес",
                      "everyone", "SMB"...) in the segment, marketing filler ("качество",
                      "лучший", "индивидуальный подход", "high quality", "best"...) anywhere.
``no_situation``      the situation (and the problem, when no situation is given) names no
                      trigger or moment: no "когда/если/при/перед/после/во время/утром/
                      в сезон/when/if/before/after/during/..." and no number with a time unit.
``no_measure``        the extra benefit has no number: no digit and no number word
                      ("вдвое", "три", "twice", "half", ...).
``no_metric``         the proof names no metric: no digit or % and no metric word
                      ("конверсия", "повторные", "NPS", "оценка", "retention", "churn"...).
``no_moment``         the proof says nothing about when it is checked: no "через", "после",
                      "каждый месяц", "after", "within", "monthly", "week", "day"...
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|\d+(?:[.,]\d+)?%?|[%₽$€]", re.UNICODE)
_DIGIT = re.compile(r"\d")

STEM = 5
"""Words are compared by their first ``STEM`` letters (a crude, transparent stemmer)."""


def normalise(text: str) -> str:
    """Lower case, ``ё`` -> ``е``, typographic quotes and dashes simplified, spaces collapsed."""
    text = text.lower().replace("ё", "е").replace("’", "'").replace("—", "-").replace("–", "-")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The word tokens of a normalised text (numbers and currency signs count as words)."""
    return _WORD.findall(normalise(text))


def stem(word: str) -> str:
    """The first :data:`STEM` letters of a word."""
    return word[:STEM]


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` as whole words (patterns may use regex)."""
    alternatives = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.UNICODE)


# Words that make a *segment* vague: an audience that is everybody.
AUDIENCE_WORDS: tuple[str, ...] = (
    # Russian
    r"все", r"всем", r"всех", r"всеми", r"каждый", r"каждому", r"каждого",
    r"любой", r"любому", r"любые", r"любых", r"любая", r"кто угодно", r"всех желающих",
    r"все желающие", r"широкий круг\w*", r"широкой аудитори\w*", r"широкая аудитория",
    r"массов\w* аудитори\w*", r"целев\w* аудитори\w*", r"мсб", r"смб",
    r"мал\w* и средн\w* бизнес\w*", r"мал\w* и средн\w* предприяти\w*",
    r"мал\w* и средн\w* компани\w*", r"бизнес любого\s?\w*", r"компании любого\s?\w*",
    r"физическ\w* и юридическ\w* лиц\w*", r"b2b и b2c", r"b2c и b2b",
    # English
    r"everyone", r"everybody", r"anyone", r"anybody", r"all people", r"all customers",
    r"all businesses", r"any business", r"any company", r"general public",
    r"wide audience", r"broad audience", r"mass market", r"target audience",
    r"small and medium(?:[- ]sized)? (?:businesses|business|companies|enterprises)",
    r"smbs?", r"smes?", r"companies of all sizes", r"businesses of all sizes",
)

# Marketing filler that says nothing checkable, in any field.
FILLER_WORDS: tuple[str, ...] = (
    # Russian
    r"качеств\w*", r"лучш\w*", r"выгодн\w*", r"удобн\w*", r"удобств\w*",
    r"индивидуальн\w* подход\w*", r"профессионал\w*", r"комплексн\w*", r"надежн\w*",
    r"оптимальн\w*", r"эффективн\w*", r"уникальн\w*", r"инновационн\w*",
    r"клиентоориентирован\w*", r"широк\w* ассортимент\w*", r"доступн\w* цен\w*",
    r"высок\w* уров\w*", r"на высоте", r"премиальн\w*",
    # English
    r"quality", r"high[- ]quality", r"best", r"convenien\w*", r"individual approach",
    r"personali[sz]ed approach", r"professional\w*", r"comprehensive", r"reliab\w*",
    r"affordable", r"optimal", r"effective\w*", r"efficien\w*", r"unique", r"innovative",
    r"customer[- ](?:oriented|centric|focused)", r"world[- ]class", r"premium",
    r"wide range", r"top[- ]notch", r"value for money",
)

# A trigger or a moment: when the problem happens.
SITUATION_MARKERS: tuple[str, ...] = (
    # Russian
    r"когда", r"если", r"при", r"во время", r"в момент\w*", r"перед", r"после",
    r"каждый раз", r"всякий раз", r"как только", r"пока", r"в период\w*", r"накануне",
    r"в начале", r"в конце", r"на старте", r"в день", r"в течение", r"в ходе",
    r"утр\w*", r"вечер\w*", r"ноч\w*", r"днем", r"обед\w*", r"выходн\w*", r"праздник\w*",
    r"сезон\w*", r"час пик", r"пиков\w*", r"дедлайн\w*", r"понедельник\w*", r"вторник\w*",
    r"сред[уы]", r"четверг\w*", r"пятниц\w*", r"суббот\w*", r"воскресень\w*",
    r"ежедневн\w*", r"еженедельн\w*", r"ежемесячн\w*", r"раз в", r"впервые",
    # English
    r"when", r"whenever", r"if", r"during", r"before", r"after", r"every time",
    r"each time", r"as soon as", r"while", r"at the moment", r"at the start",
    r"at the end", r"morning\w*", r"evening\w*", r"night\w*", r"weekend\w*",
    r"season\w*", r"rush hour", r"peak", r"deadline\w*", r"monday\w*", r"tuesday\w*",
    r"wednesday\w*", r"thursday\w*", r"friday\w*", r"saturday\w*", r"sunday\w*",
    r"daily", r"weekly", r"monthly", r"once a", r"for the first time",
)

NUMBER_WORDS: tuple[str, ...] = (
    # Russian
    r"вдвое", r"втрое", r"вчетверо", r"впятеро", r"в разы", r"наполовину", r"половин\w*",
    r"треть\w*", r"четверть\w*", r"один", r"одн[уао]", r"два", r"две", r"двух", r"три",
    r"трех", r"четыре", r"пят[ьи]", r"шест[ьи]", r"сем[ьи]", r"восем[ьи]", r"девят[ьи]",
    r"десят[ьи]\w*", r"двадцат\w*", r"тридцат\w*", r"сорок\w*", r"пятьдесят",
    r"сто", r"сотн\w*", r"тысяч\w*", r"полтора", r"полчаса", r"процент\w*",
    # English
    r"twice", r"double\w*", r"triple\w*", r"half", r"third", r"quarter", r"one", r"two",
    r"three", r"four", r"five", r"six", r"seven", r"eight", r"nine", r"ten", r"twenty",
    r"thirty", r"fifty", r"hundred\w*", r"thousand\w*", r"percent\w*", r"\d+x", r"x\d+",
)

METRIC_WORDS: tuple[str, ...] = (
    # Russian
    r"конверси\w*", r"повторн\w*", r"доля", r"дол[юи]", r"nps", r"csi", r"оценк\w*",
    r"рейтинг\w*", r"выручк\w*", r"средн\w* чек\w*", r"чек\w*", r"удержани\w*",
    r"отток\w*", r"жалоб\w*", r"возврат\w*", r"рекомендац\w*", r"продлени\w*",
    r"продлева\w*", r"ltv", r"cltv", r"romi", r"метрик\w*", r"показател\w*", r"процент\w*",
    r"количеств\w*", r"число", r"замер\w*", r"измеря\w*",
    # English
    r"conversion\w*", r"repeat\w*", r"retention", r"churn\w*", r"rating\w*", r"score\w*",
    r"share", r"revenue", r"average (?:check|order)", r"aov", r"renewal\w*", r"renew\w*",
    r"refund\w*", r"complaint\w*", r"referral\w*", r"metric\w*", r"measure\w*",
    r"number of", r"percent\w*", r"csat",
)

MOMENT_MARKERS: tuple[str, ...] = (
    # Russian
    r"через", r"после", r"спустя", r"в течение", r"по итогам", r"в конце", r"к концу",
    r"до и после", r"ежедневн\w*", r"еженедельн\w*",
    r"ежемесячн\w*", r"ежеквартальн\w*", r"раз в", r"на \d+\S* (?:день|неделе|месяце)",
    r"дн[еяи]\w*", r"день", r"сутк\w*", r"недел\w*", r"месяц\w*", r"квартал\w*",
    r"год\w*", r"лет", r"при повторн\w*", r"на следующ\w*",
    # English
    r"after", r"within", r"in \d+", r"daily", r"weekly", r"monthly",
    r"quarterly", r"yearly", r"annually", r"at the end", r"by the end", r"before and after",
    r"days?", r"weeks?", r"months?", r"quarters?", r"years?", r"next",
)

DONT_KNOW: frozenset[str] = frozenset({
    "-", "--", "?", "??", "...", "нет", "не знаю", "незнаю", "хз", "сложно сказать",
    "затрудняюсь ответить", "затрудняюсь", "пока не знаю", "пока нет", "никак", "никто",
    "ничего", "не проверяем", "не думал", "не думала", "пропустить", "потом", "n/a", "na",
    "no", "none", "nothing", "nobody", "don't know", "dont know", "do not know", "no idea",
    "not sure", "tbd", "skip", "later", "we don't", "we do not",
})

STOP_WORDS: frozenset[str] = frozenset({
    # Russian
    "и", "в", "во", "на", "с", "со", "по", "для", "что", "чтобы", "это", "мы", "наш", "наши",
    "наша", "наше", "нашим", "нашей", "нашего", "вы", "ваш", "ваши", "вашей", "вашего", "а",
    "но", "или", "же", "ли", "у", "к", "от", "до", "из", "за", "о", "об", "как", "так", "то",
    "их", "его", "ее", "они", "он", "она", "который", "которые", "которая", "бы", "не",
    "нам", "нас", "вам", "вас", "очень", "также", "тоже", "есть", "быть",
    # English
    "the", "a", "an", "to", "for", "of", "we", "our", "ours", "you", "your", "and", "or",
    "is", "are", "be", "with", "in", "on", "it", "its", "that", "this", "they", "them",
    "their", "by", "at", "as", "from", "do", "does", "very", "also", "so", "us",
})

# Words that turn up in every answer that only restates a question.
QUESTION_FILLER: tuple[str, ...] = (
    "проблема", "проблему", "проблемы", "задача", "задачу", "задачи", "клиент", "клиенты",
    "клиента", "клиентам", "клиентов", "решаем", "решаете", "решение", "решения", "помогаем",
    "выгода", "выгоду", "польза", "пользу", "ценность", "получает", "получают", "ситуация",
    "ситуации", "возникает", "проверяем", "проверка", "сегмент", "кто", "какой", "какую",
    "problem", "problems", "task", "client", "clients", "customer", "customers", "solve",
    "solution", "benefit", "benefits", "value", "gets", "situation", "arises", "check",
    "segment", "who", "which", "help", "helps",
)

AUDIENCE_RE = _compile(AUDIENCE_WORDS)
FILLER_RE = _compile(FILLER_WORDS)
SITUATION_RE = _compile(SITUATION_MARKERS)
NUMBER_RE = _compile(NUMBER_WORDS)
METRIC_RE = _compile(METRIC_WORDS)
MOMENT_RE = _compile(MOMENT_MARKERS)
_TIME_NUMBER = re.compile(
    r"\d+\s*(?:-?\s*(?:й|го|х|ый|ой))?\s*(?:мин\w*|час\w*|ч\b|дн\w*|день|недел\w*|мес\w*|"
    r"год\w*|лет|min\w*|hour\w*|h\b|days?|weeks?|months?|years?)",
    re.UNICODE,
)


def found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    """The distinct matches of ``pattern`` in the normalised ``text``, in order."""
    seen: dict[str, None] = {}
    for match in pattern.finditer(normalise(text)):
        seen.setdefault(match.group(0), None)
    return tuple(seen)


def vague_words(text: str, *, audience: bool) -> tuple[str, ...]:
    """Vague words in ``text``: filler always, audience words when ``audience``."""
    hits = found(FILLER_RE, text)
    if audience:
        hits = found(AUDIENCE_RE, text) + hits
    return hits


def has_situation(text: str) -> bool:
    """True when ``text`` names a trigger or a moment (see :data:`SITUATION_MARKERS`)."""
    norm = normalise(text)
    return bool(SITUATION_RE.search(norm) or _TIME_NUMBER.search(norm))


def has_measure(text: str) -> bool:
    """True when ``text`` holds a number: a digit or a number word."""
    norm = normalise(text)
    return bool(_DIGIT.search(norm) or NUMBER_RE.search(norm))


def has_metric(text: str) -> bool:
    """True when ``text`` names a metric: a digit or % or a metric word."""
    norm = normalise(text)
    return bool(_DIGIT.search(norm) or "%" in norm or METRIC_RE.search(norm))


def has_moment(text: str) -> bool:
    """True when ``text`` says when the check happens."""
    norm = normalise(text)
    return bool(MOMENT_RE.search(norm) or _TIME_NUMBER.search(norm))


def is_dont_know(text: str) -> bool:
    """True when the whole answer is a non-answer ("не знаю", "n/a", "-"...)."""
    norm = normalise(text).strip(" .!,;:")
    return norm in DONT_KNOW or (not norm.strip("-?.! ") and bool(norm))


def content_words(text: str) -> list[str]:
    """Words of ``text`` without stop words."""
    return [w for w in words(text) if w not in STOP_WORDS]


@cache
def _question_stems(texts: tuple[str, ...]) -> frozenset[str]:
    stems = {stem(w) for text in texts for w in content_words(text)}
    stems.update(stem(w) for w in QUESTION_FILLER)
    return frozenset(stems)


def repeats_question(text: str, question_texts: tuple[str, ...], share: float = 0.8) -> bool:
    """True when at least ``share`` of the answer's content words come from the question."""
    answer = content_words(text)
    if not answer:
        return False
    stems = _question_stems(question_texts)
    from_question = sum(1 for w in answer if stem(w) in stems)
    return from_question / len(answer) >= share
