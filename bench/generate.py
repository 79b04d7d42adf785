"""Seeded synthetic exports of a Russian online shop and an online school (GetCourse).

Behaviour follows the BG/NBD story, so the analytics have something true to find:

* customers are acquired over the window with a growth phase and then a decline (new
  acquisition slows), so the total base keeps growing while the active base shrinks in
  the last months (DOMAIN.md section 3);
* each customer repeats purchases as a Poisson process whose monthly rate is
  Gamma(r, scale) distributed across customers (many one-time buyers, a few heavy ones),
  stops after a Geometric(p) number of purchases (p ~ Beta(a, b)) or after an exponential
  lifetime, whichever comes first;
* purchase and acquisition intensity follow a monthly seasonality (shop: November and
  December peak; school: September and January);
* check sizes are lognormal around a per-customer level;
* 5-8 % of orders are cancelled, 2-4 % refunded, orders of the last days are still open;
  a few exact duplicate rows and a handful of orders without email or phone are added.

Everything is vectorised numpy: no Python loop per row or per customer. The exact row count
is met by calibrating the number of customers (about ``rows / 10`` by default) and then
thinning whole orders uniformly at random.

The ground truth (``Dataset.truth``, also ``frame.attrs["truth"]``) is computed from the
generator's own customer ids and statuses, before artefacts (duplicates) are added:
``valid_revenue`` is the sum over completed orders only (return lines reduce it; cancelled,
refunded, false and open orders are excluded), as ARCHITECTURE.md defines revenue.

CLI::

    python bench/generate.py --kind shop --rows 1000000 --seed 1 --format csv --out x.csv

Measured on the shared 2-core dev box (generate / CSV / XLSX): shop 100k rows 0.2 / 0.2 /
8.7 s, 1M rows 2.3-3.5 / 2.3 / 82 s; school 100k rows 0.4 / 0.5 / 31 s, 1M rows 3.7 / 3.7 /
189 s. XLSX is bound by XlsxWriter's per-cell cost (about 100-170k cells/s).
"""

from __future__ import annotations

import argparse
import calendar
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

Kind = Literal["shop", "school"]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
Obj = npt.NDArray[np.object_]

DEFAULT_START = date(2023, 1, 1)
DEFAULT_MONTHS = 30
DEFAULT_SEED = 42
ROWS_PER_CUSTOMER = 10
NBSP = "\u00a0"
_DAY_S = 86_400
_MONTH_DAYS = 30.4375
_STR = np.dtypes.StringDType()

# ---------------------------------------------------------------------------------------
# Vocabularies (small lists; rows index into them)
# ---------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_MALE_FIRST = _words(
    "Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей "
    "Роман Егор Иван Павел Владимир Денис Евгений Николай Олег Константин Антон Виктор Юрий "
    "Тимур Игорь Григорий Василий Степан"
)
_FEMALE_FIRST = _words(
    "Анна Мария Елена Ольга Наталья Татьяна Екатерина Ирина Светлана Юлия Анастасия Дарья "
    "Алина Ксения Виктория Полина Марина Валерия Софья Алёна Евгения Людмила Галина Вероника "
    "Кристина Надежда Оксана Любовь Диана Яна"
)
_PATRONYMIC = _words(
    "Александров Дмитриев Сергеев Андреев Алексеев Михайлов Иванов Павлов Владимиров Николаев "
    "Олегов Викторов Юрьев Игорев Евгеньев Петров Васильев Геннадьев Анатольев Борисов "
    "Валерьев Романов Константинов Максимов Денисов"
)
_SURNAMES = _words(
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв "
    "Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков "
    "Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров "
    "Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов "
    "Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов "
    "Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин "
    "Исаев Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев "
    "Кудрявцев Прохоров Наумов Потапов Журавлёв Трофимов Леонов Соболев Ермаков Колесников "
    "Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев "
    "Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Ерёмин Галкин "
    "Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Харитонов Князев Цветков Левин "
    "Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков "
    "Сафонов Плотников Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Рябов Мухин "
    "Калашников Лобанов Кузин Евдокимов Бородин Платонов Некрасов Бобров Жданов Блинов "
    "Коротков Муравьёв Крюков Дроздов Лавров Зуев Петухов Ларин Никулин Серов Зотов Устинов "
    "Фокин Самойлов Сахаров Шишкин Самсонов Черкасов Чистяков Носов Спиридонов Карасёв Авдеев "
    "Воронцов Зверев Нечаев Седов Фирсов Панин Головин Терехов Ульянов Шестаков Агеев Никонов "
    "Гордеев Пахомов Зимин Костин Широков Ларионов Сазонов Суворов Любимов Львов Копылов Лукин "
    "Токарев Шилов Родин Бочаров Маркин Березин Зубков Трифонов Круглов Субботин Шубин "
    "Покровский Никольский Островский Вишневский Ковальский"
)
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        _words("a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"),
        strict=True,
    )
)
_EMAIL_DOMAINS = ("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru", "ya.ru",
                  "rambler.ru")
_EMAIL_DOMAIN_P = (0.30, 0.24, 0.22, 0.07, 0.05, 0.05, 0.04, 0.03)
_CITIES = ("Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань",
           "Нижний Новгород", "Челябинск", "Самара", "Омск", "Ростов-на-Дону", "Уфа",
           "Красноярск", "Воронеж", "Пермь", "Волгоград", "Краснодар", "Тюмень", "Саратов",
           "Ижевск", "Барнаул", "Ярославль", "Иркутск", "Хабаровск", "Владивосток", "Томск",
           "Калининград", "Сочи", "Тула")
_CITY_W = (30, 12, 4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 4, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1)
_HOUR_W = (0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3.5, 4.5, 5.0, 5.5, 5.5, 5.2, 5.0,
           5.0, 5.2, 5.8, 6.5, 7.0, 6.5, 4.5, 2.0)

# Shop catalogue: (product, category, price in roubles).
_SHOP_CATALOGUE: tuple[tuple[str, str, int], ...] = (
    ("Зубная паста отбеливающая, 100 мл", "Красота и здоровье", 249),
    ("Шампунь для всех типов волос, 400 мл", "Красота и здоровье", 389),
    ("Крем для рук увлажняющий", "Красота и здоровье", 290),
    ("Маска для лица тканевая, 5 шт.", "Красота и здоровье", 450),
    ("Сыворотка с витамином C", "Красота и здоровье", 1290),
    ("Набор кистей для макияжа", "Красота и здоровье", 1890),
    ("Электрическая зубная щётка", "Красота и здоровье", 3990),
    ("Фен для волос 2000 Вт", "Красота и здоровье", 4590),
    ("Кружка керамическая 350 мл", "Дом и кухня", 390),
    ("Полотенце махровое 70x140", "Дом и кухня", 790),
    ("Набор контейнеров для еды, 3 шт.", "Дом и кухня", 690),
    ("Сковорода с антипригарным покрытием 28 см", "Дом и кухня", 2490),
    ("Комплект постельного белья, евро", "Дом и кухня", 3490),
    ("Плед флисовый 150x200", "Дом и кухня", 1490),
    ("Чайник электрический", "Дом и кухня", 2790),
    ("Блендер погружной", "Дом и кухня", 4290),
    ("Кофемашина капсульная", "Дом и кухня", 12990),
    ("Робот-пылесос", "Дом и кухня", 24990),
    ("Носки хлопковые, 5 пар", "Одежда и обувь", 590),
    ("Футболка базовая", "Одежда и обувь", 990),
    ("Худи оверсайз", "Одежда и обувь", 2990),
    ("Джинсы прямые", "Одежда и обувь", 3490),
    ("Кроссовки беговые", "Одежда и обувь", 6990),
    ("Пуховик зимний", "Одежда и обувь", 11990),
    ("Шапка вязаная", "Одежда и обувь", 890),
    ("Перчатки утеплённые", "Одежда и обувь", 1190),
    ("Кабель USB-C, 1 м", "Электроника", 390),
    ("Защитное стекло для смартфона", "Электроника", 490),
    ("Чехол для смартфона", "Электроника", 690),
    ("Зарядное устройство 20 Вт", "Электроника", 1290),
    ("Внешний аккумулятор 10000 мА·ч", "Электроника", 1990),
    ("Беспроводные наушники", "Электроника", 3490),
    ("Умные часы", "Электроника", 7990),
    ("Портативная колонка", "Электроника", 4990),
    ("Электронная книга", "Электроника", 13990),
    ("Планшет 10 дюймов", "Электроника", 21990),
    ("Пазл 1000 деталей", "Детские товары", 690),
    ("Набор для рисования", "Детские товары", 1290),
    ("Конструктор 500 деталей", "Детские товары", 2990),
    ("Мягкая игрушка «Медведь»", "Детские товары", 990),
    ("Детский самокат", "Детские товары", 4990),
    ("Настольная игра «Эрудит»", "Детские товары", 1590),
    ("Бутылка для воды 750 мл", "Спорт и отдых", 590),
    ("Коврик для йоги", "Спорт и отдых", 1490),
    ("Гантели разборные 2x5 кг", "Спорт и отдых", 3990),
    ("Рюкзак городской", "Спорт и отдых", 2790),
    ("Термос 1 л", "Спорт и отдых", 1890),
    ("Палатка двухместная", "Спорт и отдых", 8990),
    ("Велосипедный шлем", "Спорт и отдых", 3290),
    ("Кофе в зёрнах, 1 кг", "Продукты", 1490),
    ("Чай листовой, 250 г", "Продукты", 490),
    ("Шоколад горький, 100 г", "Продукты", 189),
    ("Мёд цветочный, 500 г", "Продукты", 650),
    ("Орехи ассорти, 500 г", "Продукты", 890),
    ("Подарочный набор чая", "Продукты", 2290),
    ("Корм для кошек сухой, 1,5 кг", "Зоотовары", 990),
    ("Наполнитель для лотка, 10 л", "Зоотовары", 590),
    ("Лежанка для собак", "Зоотовары", 2490),
    ("Когтеточка", "Зоотовары", 1290),
    ("Корм для собак сухой, 12 кг", "Зоотовары", 5490),
)
_SHOP_STATUS = ("Выполнен", "Отменён", "Возврат", "В обработке")
_SHOP_CHANNELS = ("yandex", "vk", "telegram", "organic", "google", "email", "direct")
_SHOP_CHANNEL_P = (0.28, 0.17, 0.14, 0.20, 0.06, 0.05, 0.10)
_SHOP_COLUMNS = ("Номер заказа", "Дата заказа", "Клиент", "Email", "Телефон", "Город",
                 "Товар", "Категория", "Количество", "Цена", "Сумма", "Статус", "Источник")

# School catalogue: (title, price in roubles); price 0 = free registration.
_SCHOOL_FREE = (
    "Бесплатный вебинар «Как войти в IT после 30»",
    "Марафон «5 дней английского» (бесплатно)",
    "Регистрация на мастер-класс «Excel для работы»",
    "Гайд «10 ошибок начинающего аналитика»",
    "Открытый урок «Python за один вечер»",
    "Вебинар «Нейросети в работе: с чего начать»",
)
_SCHOOL_PAID: tuple[tuple[str, int], ...] = (
    ("Мини-курс «Сводные таблицы в Excel»", 990),
    ("Клуб «Практика английского», 1 месяц", 1490),
    ("Мини-курс «Тайм-менеджмент»", 1990),
    ("Интенсив «Python за 3 дня»", 2990),
    ("Интенсив «Продажи в Telegram»", 3490),
    ("Клуб «Практика английского», 3 месяца", 3990),
    ("Интенсив «Нейросети для работы»", 4990),
    ("Курс «Английский для путешествий»", 7900),
    ("Курс «Личные финансы»", 9900),
    ("Курс «Основы SQL»", 12900),
    ("Курс «Копирайтинг с нуля»", 14900),
    ("Курс «SMM-специалист»", 19900),
    ("Курс «Графический дизайн с нуля»", 24900),
    ("Курс «Аналитик данных», тариф Базовый", 29900),
    ("Курс «Аналитик данных», тариф Стандарт", 49900),
    ("Профессия «Python-разработчик»", 69900),
    ("Курс «Аналитик данных», тариф VIP", 89000),
    ("Наставничество «Карьерный трек», 3 месяца", 120000),
)
_SCHOOL_STATUS = ("Завершен", "Отменен", "Ожидаем возврата", "Ожидаем оплаты", "Ложный")
_SCHOOL_UTM = ("yandex", "vk", "telegram", "google", "email", "")
_SCHOOL_UTM_P = (0.30, 0.20, 0.18, 0.05, 0.09, 0.18)
_SCHOOL_MEDIUM = {"yandex": "cpc", "vk": "social", "telegram": "post", "google": "cpc",
                  "email": "newsletter", "": ""}
_SCHOOL_CAMPAIGNS = ("webinar_it", "marathon_en", "excel_mk", "analyst_launch", "ai_work",
                     "retarget")
_SCHOOL_PAYSYS = ("ЮKassa", "CloudPayments", "Продамус", "Т-Банк")
_SCHOOL_PAYSYS_P = (0.40, 0.25, 0.20, 0.15)
_SCHOOL_PROMOS = ("WELCOME10", "SALE20", "BLACKFRIDAY", "FRIEND15")
_SCHOOL_PROMO_OFF = (0.10, 0.20, 0.30, 0.15)
_SCHOOL_MANAGERS = ("Анна Соколова", "Игорь Петров", "Мария Кузнецова")
_SCHOOL_COLUMNS = (
    "ID заказа", "Номер", "ID пользователя", "Пользователь", "Email", "Телефон",
    "Дата создания", "Дата оплаты", "Title", "Статус", "Стоимость, RUB", "Оплачено",
    "Комиссия платежной системы", "Получено", "Налог",
    "Осталось после вычета комиссии платежной системы и налога", "Другие комиссии",
    "Заработано", "Валюта", "Менеджер", "Город", "Платежная система", "ID партнера",
    "Использован промокод", "Промоакция", "utm_source", "utm_medium", "utm_campaign",
    "utm_content", "utm_term", "Теги",
)
_SCHOOL_MONEY = ("Стоимость, RUB", "Оплачено", "Комиссия платежной системы", "Получено",
                 "Налог", "Осталось после вычета комиссии платежной системы и налога",
                 "Другие комиссии", "Заработано")

#: Status label -> class of the ingest contract (valid | cancelled | refunded | open).
STATUS_CLASSES: dict[Kind, dict[str, str]] = {
    "shop": {"Выполнен": "valid", "Отменён": "cancelled", "Возврат": "refunded",
             "В обработке": "open"},
    "school": {"Завершен": "valid", "Отменен": "cancelled", "Ложный": "cancelled",
               "Ожидаем возврата": "refunded", "Ожидаем оплаты": "open"},
}


@dataclass(frozen=True)
class Behaviour:
    """Parameters of one kind of business (rates are per month)."""

    season: tuple[float, ...]  # intensity multiplier, January..December
    rate_shape: float  # Gamma shape r of the repeat-purchase rate
    rate_scale: float  # Gamma scale of the repeat-purchase rate (purchases per month)
    drop_a: float  # Beta(a, b) of the dropout probability after each purchase
    drop_b: float
    lifetime_months: float  # mean exponential lifetime
    peak_at: float = 0.4  # share of the window where acquisition peaks
    start_level: float = 0.3  # acquisition at the start, relative to the peak
    end_level: float = 0.12  # acquisition at the end, relative to the peak
    level_median: float = 1500.0  # median of the customers' check level, roubles
    level_sigma: float = 0.6  # spread of the level across customers
    price_sigma: float = 0.5  # spread of prices around a customer's level


SHOP = Behaviour(
    season=(0.85, 0.8, 0.95, 0.9, 0.95, 0.85, 0.8, 0.85, 0.95, 1.05, 1.6, 1.9),
    rate_shape=0.35, rate_scale=2.6, drop_a=1.0, drop_b=8.0, lifetime_months=18.0,
    level_median=1300.0, level_sigma=0.55, price_sigma=0.6,
)
SCHOOL = Behaviour(
    season=(1.5, 1.15, 1.05, 0.95, 0.8, 0.6, 0.5, 0.75, 1.75, 1.3, 1.1, 0.9),
    rate_shape=0.5, rate_scale=4.8, drop_a=1.0, drop_b=15.0, lifetime_months=18.0,
    level_median=5000.0, level_sigma=0.8, price_sigma=0.45,
)


@dataclass
class Dataset:
    """A generated export: the frame (true types), its kind, title and ground truth."""

    kind: Kind
    frame: pd.DataFrame
    truth: dict[str, Any]
    title: str


# ---------------------------------------------------------------------------------------
# Core simulation
# ---------------------------------------------------------------------------------------


@dataclass
class _Events:
    cust: I64  # customer index of each event, events grouped by customer, in time order
    t: F64  # seconds since the window start
    first: Bool  # the customer's first event (acquisition)
    n_customers: int
    days: int


def _add_months(start: date, months: int) -> date:
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _window_days(start: date, months: int) -> int:
    """Days from ``start`` to the same day ``months`` later (exclusive)."""
    return (_add_months(start, months) - start).days


def _simulate(rng: np.random.Generator, n: int, beh: Behaviour, start: date,
              days: int) -> _Events:
    """Acquisition, repeat purchases and dropout for ``n`` customers (vectorised)."""
    day_dates = np.datetime64(start, "D") + np.arange(days)
    month_of_day = day_dates.astype("datetime64[M]").astype(np.int64) % 12
    season = np.asarray(beh.season, dtype=np.float64)[month_of_day]
    frac = (np.arange(days) + 0.5) / days
    rise = beh.start_level + (1 - beh.start_level) * frac / beh.peak_at
    fall_x = np.clip((frac - beh.peak_at) / (1 - beh.peak_at), 0, 1)
    fall = 1 - (1 - beh.end_level) * fall_x**0.7
    trend = np.where(frac < beh.peak_at, rise, fall)
    grid = np.arange(days + 1, dtype=np.float64)

    acq_cdf = np.concatenate([[0.0], np.cumsum(trend * season)])
    acq = np.interp(rng.random(n), acq_cdf / acq_cdf[-1], grid)

    lam_cum = np.concatenate([[0.0], np.cumsum(season / season.mean())]) / _MONTH_DAYS
    rate = rng.gamma(beh.rate_shape, beh.rate_scale, n)
    drop = rng.beta(beh.drop_a, beh.drop_b, n)
    max_purchases = rng.geometric(np.clip(drop, 1e-6, 1.0))
    end = np.minimum(acq + rng.exponential(beh.lifetime_months * _MONTH_DAYS, n), days)
    lo = np.interp(acq, grid, lam_cum)
    hi = np.interp(end, grid, lam_cum)
    n_rep = rng.poisson(rate * np.maximum(hi - lo, 0.0))

    rep_cust = np.repeat(np.arange(n, dtype=np.int64), n_rep)
    u = lo[rep_cust] + rng.random(rep_cust.size) * (hi - lo)[rep_cust]
    rep_t = np.interp(u, lam_cum, grid)
    order = np.lexsort((rep_t, rep_cust))
    rep_t = rep_t[order]
    group_start = np.repeat(np.cumsum(n_rep) - n_rep, n_rep)
    rank = np.arange(rep_cust.size) - group_start
    keep = rank < (max_purchases - 1)[rep_cust]

    cust = np.concatenate([np.arange(n, dtype=np.int64), rep_cust[keep]])
    t_day = np.concatenate([acq, rep_t[keep]])
    first = np.concatenate([np.ones(n, dtype=bool), np.zeros(int(keep.sum()), dtype=bool)])
    # Time of day from an hourly profile; the day itself comes from the process.
    hour_p = np.asarray(_HOUR_W) / np.sum(_HOUR_W)
    hour = rng.choice(24, size=cust.size, p=hour_p)
    secs = np.floor(t_day) * _DAY_S + hour * 3600 + rng.integers(0, 3600, cust.size)
    order = np.lexsort((secs, cust))
    return _Events(cust[order], secs[order].astype(np.float64), first[order], n, days)


def _thin(rng: np.random.Generator, lines: I64, target: int) -> tuple[I64, I64]:
    """Keep random whole orders so the kept lines sum exactly to ``target``.

    Returns the kept order indices (sorted) and their kept line counts (the boundary order
    keeps only its first lines).
    """
    perm = rng.permutation(lines.size)
    cum = np.cumsum(lines[perm])
    k = int(np.searchsorted(cum, target, side="right"))
    kept = perm[:k]
    kept_lines = lines[kept]
    rest = target - (int(cum[k - 1]) if k else 0)
    if rest > 0 and k < perm.size:
        kept = np.append(kept, perm[k])
        kept_lines = np.append(kept_lines, rest)
    srt = np.argsort(kept, kind="stable")
    return kept[srt].astype(np.int64), kept_lines[srt].astype(np.int64)


def _calibrated_events(*, seed: int, rows: int, customers: int | None, beh: Behaviour,
                       start: date, months: int,
                       lines_of: Callable[[np.random.Generator, _Events], I64],
                       ) -> tuple[np.random.Generator, _Events, I64]:
    """Simulate with enough customers for ``rows`` rows; ``lines_of(rng, events)``."""
    days = _window_days(start, months)
    n = customers or max(1, round(rows / ROWS_PER_CUSTOMER))
    for _ in range(12):
        rng = np.random.default_rng(seed)
        ev = _simulate(rng, n, beh, start, days)
        lines = lines_of(rng, ev)
        total = int(lines.sum())
        if total >= rows:
            return rng, ev, lines
        n = math.ceil(n * rows / max(total, 1) * 1.03) + 1
    raise RuntimeError("could not reach the requested number of rows")  # pragma: no cover


def _cat(values: Obj, idx: I64, blank: Bool | None = None) -> pd.Categorical:
    """``values[idx]`` as a categorical, missing where ``blank`` (cheap for 1M rows)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    c = codes[idx]
    if blank is not None:
        c = np.where(blank, -1, c)
    cat: pd.Categorical = pd.Categorical.from_codes(c, categories=pd.Index(uniques))
    return cat


def _n_duplicates(rows: int) -> int:
    return 0 if rows < 100 else max(1, round(rows * 0.0006))


def _with_duplicates(rng: np.random.Generator, frame: pd.DataFrame, n_dup: int) -> pd.DataFrame:
    """Insert ``n_dup`` exact copies of random rows right after their originals."""
    if n_dup == 0:
        return frame.reset_index(drop=True)
    dup = rng.choice(len(frame), size=n_dup, replace=False)
    idx = np.sort(np.concatenate([np.arange(len(frame)), dup]), kind="stable")
    return frame.iloc[idx].reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------


def _translit(words: list[str]) -> Obj:
    out = ["".join(_TRANSLIT.get(ch, ch) for ch in w.lower()).replace("_", "") for w in words]
    return np.asarray(out, dtype=object)


def _feminine(surname: str) -> str:
    return surname[:-2] + "ая" if surname.endswith("ий") else surname + "а"


@dataclass
class _People:
    first: Obj
    last: Obj
    patronymic: Obj
    email: Obj
    phone_digits: I64
    city: Obj


def _people(rng: np.random.Generator, n: int) -> _People:
    """Names, unique emails and phones, cities for ``n`` customers (vectorised)."""
    female = rng.random(n) < 0.55
    fi = rng.integers(0, len(_FEMALE_FIRST), n)
    mi = rng.integers(0, len(_MALE_FIRST), n)
    si = rng.integers(0, len(_SURNAMES), n)
    pi = rng.integers(0, len(_PATRONYMIC), n)
    first = np.where(female, np.asarray(_FEMALE_FIRST, dtype=object)[fi],
                     np.asarray(_MALE_FIRST, dtype=object)[mi])
    last = np.where(female, np.asarray([_feminine(s) for s in _SURNAMES], dtype=object)[si],
                    np.asarray(_SURNAMES, dtype=object)[si])
    patr = np.where(female, np.asarray([p + "на" for p in _PATRONYMIC], dtype=object)[pi],
                    np.asarray([p + "ич" for p in _PATRONYMIC], dtype=object)[pi])
    first_lat = np.where(female, _translit(_FEMALE_FIRST)[fi], _translit(_MALE_FIRST)[mi])
    last_lat = np.where(female, _translit([_feminine(s) for s in _SURNAMES])[si],
                        _translit(_SURNAMES)[si])
    style = rng.integers(0, 4, n)
    sep = np.asarray([".", "_", "", "."], dtype=object)[style]
    num = rng.integers(1, 2006, n)
    suffix = np.where(rng.random(n) < 0.55, pd.Series(num).astype(str).to_numpy(dtype=object),
                      "")
    domain = np.asarray(_EMAIL_DOMAINS, dtype=object)[
        rng.choice(len(_EMAIL_DOMAINS), n, p=_EMAIL_DOMAIN_P)]
    local = pd.Series(np.where(style == 3, last_lat, first_lat)) + pd.Series(sep) + pd.Series(
        np.where(style == 3, first_lat, last_lat)) + pd.Series(suffix)
    dup = local.duplicated().to_numpy() | (pd.Series(local + domain).duplicated().to_numpy())
    local = local.where(~dup, local + pd.Series(np.arange(n)).astype(str))
    email = (local + "@" + pd.Series(domain)).to_numpy(dtype=object)
    shout = rng.random(n) < 0.03  # a few customers type their email capitalised
    email = np.where(shout, pd.Series(email).str.capitalize().to_numpy(dtype=object), email)
    phone = 9_000_000_000 + rng.choice(1_000_000_000, size=n, replace=False).astype(np.int64)
    city_p = np.asarray(_CITY_W, dtype=np.float64) / sum(_CITY_W)
    city = np.asarray(_CITIES, dtype=object)[rng.choice(len(_CITIES), n, p=city_p)]
    return _People(first, last, patr, email, phone, city)


def _fmt_phones(digits: I64, style: I64) -> Obj:
    """Russian mobile numbers: 0 ``+7 (9xx) xxx-xx-xx``, 1 ``8 9xx xxx-xx-xx``,
    2 ``89xxxxxxxxx``, 3 ``+79xxxxxxxxx``."""
    s = digits.astype(_STR)
    sl = np.strings.slice
    code, a, b, c = sl(s, 0, 3), sl(s, 3, 6), sl(s, 6, 8), sl(s, 8, 10)
    out = np.where(style == 0, "+7 (" + code + ") " + a + "-" + b + "-" + c,
                   np.where(style == 1, "8 " + code + " " + a + "-" + b + "-" + c,
                            np.where(style == 2, "8" + s, "+7" + s)))
    return np.asarray(out.astype(object), dtype=object)


# ---------------------------------------------------------------------------------------
# Shop
# ---------------------------------------------------------------------------------------


def _shop_lines(rng: np.random.Generator, ev: _Events) -> I64:
    return np.minimum(1 + rng.poisson(1.3, ev.cust.size), 8).astype(np.int64)


def generate(kind: Kind, rows: int, seed: int = DEFAULT_SEED, start: date = DEFAULT_START,
             months: int = DEFAULT_MONTHS, *, customers: int | None = None) -> Dataset:
    """Generate ``rows`` data rows of ``kind``; ``customers`` is the initial estimate."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    if months < 1:
        raise ValueError("months must be at least 1")
    if kind == "shop":
        return _generate_shop(rows, seed, start, months, customers)
    if kind == "school":
        return _generate_school(rows, seed, start, months, customers)
    raise ValueError(f"unknown kind: {kind!r}")


def _price_index(rng: np.random.Generator, target: F64, prices: I64) -> I64:
    """Catalogue index (sorted by price) nearest to ``target``, with a little jitter."""
    idx = np.searchsorted(prices, target).astype(np.int64)
    idx = idx + rng.integers(-1, 1, target.size)
    return np.clip(idx, 0, prices.size - 1)


def _generate_shop(rows: int, seed: int, start: date, months: int,
                   customers: int | None) -> Dataset:
    n_dup = _n_duplicates(rows)
    base = rows - n_dup
    rng, ev, lines = _calibrated_events(seed=seed, rows=base, customers=customers, beh=SHOP,
                                        start=start, months=months, lines_of=_shop_lines)
    n_ev = ev.cust.size
    last_day = ev.days * _DAY_S
    # Order statuses: open in the last days, otherwise cancelled / refunded / completed.
    u = rng.random(n_ev)
    recent = ev.t > last_day - 3 * _DAY_S
    status = np.where(u < 0.065, 1, np.where(u < 0.095, 2, 0)).astype(np.int64)
    status = np.where((recent & (rng.random(n_ev) < 0.6)) | (rng.random(n_ev) < 0.004), 3, status)
    has_return = (status == 0) & (lines >= 2) & (rng.random(n_ev) < 0.05)
    lines = lines + has_return
    kept, kept_lines = _thin(rng, lines, base)

    cust, t, status = ev.cust[kept], ev.t[kept], status[kept]
    has_return = has_return[kept] & (kept_lines == lines[kept])
    by_time = np.argsort(t, kind="stable")
    cust, t, status = cust[by_time], t[by_time], status[by_time]
    kept_lines, has_return = kept_lines[by_time], has_return[by_time]
    m = cust.size
    first_order = ~pd.Series(cust).duplicated().to_numpy()
    number = 100_000 + np.cumsum(1 + (rng.random(m) < 0.08) * rng.integers(1, 4, m))

    people = _people(rng, ev.n_customers)
    level = np.log(SHOP.level_median) + rng.normal(0, SHOP.level_sigma, ev.n_customers)
    name_style = rng.choice(3, ev.n_customers, p=(0.7, 0.2, 0.1))
    full = pd.Series(people.last) + " " + pd.Series(people.first) + " " + pd.Series(
        people.patronymic)
    short = pd.Series(people.first) + " " + pd.Series(people.last)
    client = np.where(name_style == 0, full.to_numpy(dtype=object),
                      np.where(name_style == 1, short.to_numpy(dtype=object), people.first))
    phone = _fmt_phones(people.phone_digits, rng.choice(3, ev.n_customers, p=(0.8, 0.15, 0.05)))
    acq_channel = rng.choice(len(_SHOP_CHANNELS), ev.n_customers, p=_SHOP_CHANNEL_P)
    channel = np.where(first_order | (rng.random(m) < 0.5), acq_channel[cust],
                       rng.choice([3, 5, 6], m))  # repeat orders: organic, email, direct
    no_email = rng.random(m) < 0.004
    no_phone = ~no_email & (rng.random(m) < 0.004)

    # Order lines.
    row_order = np.repeat(np.arange(m), kept_lines)
    n_rows = row_order.size
    line_no = np.arange(n_rows) - np.repeat(np.cumsum(kept_lines) - kept_lines, kept_lines)
    is_first = line_no == 0
    is_ret = has_return[row_order] & (line_no == kept_lines[row_order] - 1)
    cat = sorted(_SHOP_CATALOGUE, key=lambda x: x[2])
    prices = np.asarray([c[2] for c in cat], dtype=np.int64)
    target = np.exp(level[cust[row_order]] + rng.normal(0, SHOP.price_sigma, n_rows))
    prod = _price_index(rng, target, prices)
    for _ in range(100):  # distinct products within an order (a few passes in practice)
        dup = pd.Series(row_order * prices.size + prod).duplicated().to_numpy() & ~is_ret
        if not dup.any():
            break
        prod = np.where(dup, (prod + rng.integers(1, 4, n_rows)) % prices.size, prod)
    first_row = np.cumsum(kept_lines) - kept_lines
    prod = np.where(is_ret, prod[first_row[row_order]], prod)
    qty = rng.choice([1, 2, 3, 4, 5], n_rows, p=(0.8, 0.13, 0.045, 0.015, 0.01)).astype(np.int64)
    qty = np.where(is_ret, -1, qty)
    price_kop = prices[prod] * 100
    sum_kop = qty * price_kop

    names = np.asarray([c[0] for c in cat], dtype=object)
    cats = np.asarray([c[1] for c in cat], dtype=object)
    dt = np.datetime64(start, "s") + (t // 60 * 60).astype("timedelta64[s]")
    rc = cust[row_order]
    ro = row_order
    cont = ~is_first  # continuation lines carry no order-level fields
    frame = pd.DataFrame({
        "Номер заказа": number[ro],
        "Дата заказа": dt[ro].astype("datetime64[ns]"),
        "Клиент": _cat(client, rc, cont),
        "Email": _cat(people.email, rc, cont | no_email[ro]),
        "Телефон": _cat(phone, rc, cont | no_phone[ro]),
        "Город": _cat(people.city, rc, cont),
        "Товар": _cat(names, prod),
        "Категория": _cat(cats, prod),
        "Количество": qty,
        "Цена": price_kop / 100.0,
        "Сумма": sum_kop / 100.0,
        "Статус": _cat(np.asarray(_SHOP_STATUS, dtype=object), status[ro], cont),
        "Источник": _cat(np.asarray(_SHOP_CHANNELS, dtype=object), channel[ro], cont),
    })
    order_kop = np.bincount(ro, weights=sum_kop, minlength=m)
    truth = _truth(
        kind="shop", seed=seed, rows=rows, duplicate_rows=n_dup, cust=cust,
        when=dt.astype("datetime64[ns]"), status=np.asarray(_SHOP_STATUS)[status],
        amount_kop=np.rint(order_kop).astype(np.int64), start=start, months=months,
        extra={
            "order_lines": int(n_rows),
            "partial_return_lines": int(is_ret.sum()),
            "orders_without_email": int(no_email.sum()),
            "orders_without_phone": int(no_phone.sum()),
        },
    )
    frame = _with_duplicates(rng, frame, n_dup)
    title = (f"Отчёт по заказам за период с {start:%d.%m.%Y} по "
             f"{_end_date(start, months):%d.%m.%Y}")
    return Dataset("shop", frame, truth, title)


def _end_date(start: date, months: int) -> date:
    return date.fromordinal(start.toordinal() + _window_days(start, months) - 1)


# ---------------------------------------------------------------------------------------
# School
# ---------------------------------------------------------------------------------------


def _school_lines(rng: np.random.Generator, ev: _Events) -> I64:
    return np.ones(ev.cust.size, dtype=np.int64)


def _generate_school(rows: int, seed: int, start: date, months: int,
                     customers: int | None) -> Dataset:
    n_dup = _n_duplicates(rows)
    base = rows - n_dup
    rng, ev, lines = _calibrated_events(seed=seed, rows=base, customers=customers,
                                        beh=SCHOOL, start=start, months=months,
                                        lines_of=_school_lines)
    n = ev.n_customers
    payer = rng.random(n) < 0.5
    free = np.where(ev.first, rng.random(ev.cust.size) < 0.8,
                    ~payer[ev.cust] | (rng.random(ev.cust.size) < 0.3))
    kept, _ = _thin(rng, lines, base)
    cust, t, free = ev.cust[kept], ev.t[kept], free[kept]
    by_time = np.argsort(t, kind="stable")
    cust, t, free = cust[by_time], t[by_time], free[by_time]
    m = cust.size
    last_s = ev.days * _DAY_S

    # Statuses: 0 Завершен, 1 Отменен, 2 Ожидаем возврата, 3 Ожидаем оплаты, 4 Ложный.
    u = rng.random(m)
    status = np.where(u < 0.058, 1, np.where(u < 0.068, 4, 0)).astype(np.int64)
    paid_u = rng.random(m)
    status = np.where(~free & (status == 0) & (paid_u < 0.07), 2, status)
    status = np.where(~free & (status == 0) & (paid_u > 0.95), 3, status)
    created = np.datetime64(start, "s") + t.astype("timedelta64[s]")
    delay = np.where(rng.random(m) < 0.1, rng.integers(3600, 3 * _DAY_S, m),
                     np.rint(rng.lognormal(np.log(420), 1.0, m))).astype(np.int64)
    delay = np.where(free, 0, delay)
    # Not yet paid when the export was taken: still waiting for payment.
    status = np.where((status == 0) & (t + delay >= last_s), 3, status)
    was_paid = (status == 0) | (status == 2)
    paid_at = np.where(was_paid, created + delay.astype("timedelta64[s]"), np.datetime64("NaT"))

    people = _people(rng, n)
    level = np.log(SCHOOL.level_median) + rng.normal(0, SCHOOL.level_sigma, n)
    paid_prices = np.asarray([p for _, p in _SCHOOL_PAID], dtype=np.int64)
    target = np.exp(level[cust] + rng.normal(0, SCHOOL.price_sigma, m))
    prod = _price_index(rng, target, paid_prices)
    promo = ~free & (rng.random(m) < 0.08)
    promo_i = rng.integers(0, len(_SCHOOL_PROMOS), m)
    off = np.where(promo, np.asarray(_SCHOOL_PROMO_OFF)[promo_i], 0.0)
    cost_kop = np.where(free, 0, np.rint(paid_prices[prod] * (1 - off)) * 100).astype(np.int64)
    titles = np.asarray(list(_SCHOOL_FREE) + [x for x, _ in _SCHOOL_PAID], dtype=object)
    title_i = np.where(free, rng.integers(0, len(_SCHOOL_FREE), m), len(_SCHOOL_FREE) + prod)
    paid_kop = np.where(was_paid, cost_kop, 0)
    fee_kop = np.rint(paid_kop * 0.035).astype(np.int64)
    got_kop = paid_kop - fee_kop
    tax_kop = np.rint(got_kop * 0.06).astype(np.int64)
    left_kop = got_kop - tax_kop

    # Ids: users numbered in order of registration, orders in order of creation.
    user_ids = np.sort(rng.choice(40_000_000, size=n, replace=False)) + 310_000_000
    first_t = np.full(n, np.inf)
    np.minimum.at(first_t, ev.cust, ev.t)
    user_id = np.empty(n, dtype=np.int64)
    user_id[np.argsort(first_t, kind="stable")] = user_ids
    order_id = 241_000_000 + np.cumsum(rng.integers(1, 60, m))
    number = 5_001 + np.arange(m)

    utm_i = rng.choice(len(_SCHOOL_UTM), n, p=_SCHOOL_UTM_P)
    organic = (utm_i == len(_SCHOOL_UTM) - 1)[cust]
    utm = np.asarray(_SCHOOL_UTM, dtype=object)
    medium = np.asarray([_SCHOOL_MEDIUM[x] for x in _SCHOOL_UTM], dtype=object)
    campaign_i = rng.integers(0, len(_SCHOOL_CAMPAIGNS), n)
    phone = _fmt_phones(people.phone_digits, rng.choice([3, 0, 2], n, p=(0.7, 0.2, 0.1)))
    no_city = rng.random(n) < 0.35  # GetCourse users often leave the city empty
    no_email = rng.random(m) < 0.003
    no_phone = ~no_email & (rng.random(m) < 0.005)
    paysys_i = rng.choice(len(_SCHOOL_PAYSYS), m, p=_SCHOOL_PAYSYS_P)
    manager = ~free & (rng.random(m) < 0.25)
    partner = rng.random(m) < 0.03
    tag_i = np.where(free, 0, 1)
    user_name = (pd.Series(people.first) + " " + pd.Series(people.last)).to_numpy(dtype=object)
    none = np.zeros(m, dtype=bool)

    frame = pd.DataFrame({
        "ID заказа": order_id,
        "Номер": number,
        "ID пользователя": user_id[cust],
        "Пользователь": _cat(user_name, cust),
        "Email": _cat(people.email, cust, no_email),
        "Телефон": _cat(phone, cust, no_phone),
        "Дата создания": created.astype("datetime64[ns]"),
        "Дата оплаты": paid_at.astype("datetime64[ns]"),
        "Title": _cat(titles, title_i),
        "Статус": _cat(np.asarray(_SCHOOL_STATUS, dtype=object), status),
        "Стоимость, RUB": cost_kop / 100.0,
        "Оплачено": paid_kop / 100.0,
        "Комиссия платежной системы": fee_kop / 100.0,
        "Получено": got_kop / 100.0,
        "Налог": tax_kop / 100.0,
        "Осталось после вычета комиссии платежной системы и налога": left_kop / 100.0,
        "Другие комиссии": np.zeros(m),
        "Заработано": left_kop / 100.0,
        "Валюта": _cat(np.asarray(["RUB"], dtype=object), np.zeros(m, dtype=np.int64)),
        "Менеджер": _cat(np.asarray(_SCHOOL_MANAGERS, dtype=object),
                         rng.integers(0, len(_SCHOOL_MANAGERS), m), ~manager),
        "Город": _cat(people.city, cust, no_city[cust]),
        "Платежная система": _cat(np.asarray(_SCHOOL_PAYSYS, dtype=object), paysys_i,
                                  ~was_paid | free),
        "ID партнера": pd.arrays.IntegerArray(
            rng.integers(300_000_000, 350_000_000, m), ~partner),
        "Использован промокод": _cat(np.asarray(_SCHOOL_PROMOS, dtype=object), promo_i, ~promo),
        "Промоакция": _cat(np.asarray(["Чёрная пятница"], dtype=object),
                           np.zeros(m, dtype=np.int64), ~(promo & (promo_i == 2))),
        "utm_source": _cat(utm, utm_i[cust], organic),
        "utm_medium": _cat(medium, utm_i[cust], organic),
        "utm_campaign": _cat(np.asarray(_SCHOOL_CAMPAIGNS, dtype=object), campaign_i[cust],
                             organic),
        "utm_content": _cat(np.asarray([""], dtype=object), np.zeros(m, dtype=np.int64), ~none),
        "utm_term": _cat(np.asarray([""], dtype=object), np.zeros(m, dtype=np.int64), ~none),
        "Теги": _cat(np.asarray(["вебинар", "рассылка"], dtype=object), tag_i,
                     ~free & (rng.random(m) >= 0.1)),
    })
    when = np.where(was_paid, paid_at, created).astype("datetime64[ns]")
    truth = _truth(
        kind="school", seed=seed, rows=rows, duplicate_rows=n_dup, cust=cust, when=when,
        status=np.asarray(_SCHOOL_STATUS)[status], amount_kop=paid_kop, start=start,
        months=months,
        extra={
            "registration_orders": int((free & (status == 0)).sum()),
            "valid_paid_orders": int(((status == 0) & (paid_kop > 0)).sum()),
            "orders_without_email": int(no_email.sum()),
            "orders_without_phone": int(no_phone.sum()),
        },
    )
    frame = _with_duplicates(rng, frame, n_dup)
    return Dataset("school", frame, truth, "Заказы")


# ---------------------------------------------------------------------------------------
# Ground truth
# ---------------------------------------------------------------------------------------


def _truth(*, kind: Kind, seed: int, rows: int, duplicate_rows: int, cust: I64,
           when: npt.NDArray[np.datetime64], status: npt.NDArray[np.str_], amount_kop: I64,
           start: date, months: int, extra: dict[str, int]) -> dict[str, Any]:
    """Figures as the generator knows them (one entry per order, duplicates excluded).

    ``when`` is the order date of the ingest contract (payment date when present).
    Monthly ``active``: customers with a valid order of positive amount in the month;
    ``new``: those whose first such order falls in the month; ``total_base``: customers
    with any order (any status) up to the month's end. Stale: the last valid order is more
    than 365 days before ``date_to``.
    """
    classes = STATUS_CLASSES[kind]
    cls = pd.Series(status).map(classes).to_numpy()
    valid = cls == "valid"
    buy = valid & (amount_kop > 0)
    orders = pd.DataFrame({"cust": cust, "when": when, "buy": buy, "valid": valid,
                           "amount": amount_kop})
    month = orders["when"].dt.to_period("M")
    bought = orders[orders["buy"]]
    per_buyer = bought.groupby("cust").size()
    first_buy = bought.groupby("cust")["when"].min().dt.to_period("M")
    first_any = orders.groupby("cust")["when"].min().dt.to_period("M")
    periods = pd.period_range(pd.Timestamp(start), pd.Timestamp(_end_date(start, months)),
                              freq="M")
    active = bought.assign(m=month[orders["buy"]]).groupby("m")["cust"].nunique()
    new = first_buy.value_counts()
    base = first_any.value_counts().reindex(periods, fill_value=0).cumsum()
    date_to = orders["when"].max()
    last_valid = orders[orders["valid"]].groupby("cust")["when"].max()
    stale = int((last_valid < date_to - pd.Timedelta(days=365)).sum())
    n_customers = int(orders["cust"].nunique())
    counts = pd.Series(status).value_counts()
    return {
        "kind": kind,
        "seed": seed,
        "rows": rows,
        "duplicate_rows": duplicate_rows,
        "orders": len(orders),
        "customers": n_customers,
        "buyers": len(per_buyer),
        "one_time_buyers": int((per_buyer == 1).sum()),
        "valid_orders": int(valid.sum()),
        "valid_revenue": round(int(amount_kop[valid].sum()) / 100, 2),
        "cancelled_orders": int((cls == "cancelled").sum()),
        "refunded_orders": int((cls == "refunded").sum()),
        "open_orders": int((cls == "open").sum()),
        "status_counts": {str(k): int(v) for k, v in counts.items()},
        "status_classes": classes,
        "currency": "RUB",
        "date_from": orders["when"].min().date().isoformat(),
        "date_to": date_to.date().isoformat(),
        "stale_customers": stale,
        **extra,
        "monthly": {
            str(p): {"active": int(active.get(p, 0)), "new": int(new.get(p, 0)),
                     "total_base": int(base[p])}
            for p in periods
        },
    }


def write_truth(truth: dict[str, Any], path: str | Path) -> None:
    """Write the ground truth as pretty UTF-8 JSON."""
    Path(path).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Public frame API
# ---------------------------------------------------------------------------------------


def _as_frame(ds: Dataset) -> pd.DataFrame:
    frame = ds.frame
    frame.attrs.update({"kind": ds.kind, "title": ds.title, "truth": ds.truth})
    return frame


def generate_shop(rows: int, seed: int = DEFAULT_SEED, start: date = DEFAULT_START,
                  months: int = DEFAULT_MONTHS, *,
                  customers: int | None = None) -> pd.DataFrame:
    """Order lines of a Russian online shop; ``attrs`` holds kind, title and truth."""
    return _as_frame(generate("shop", rows, seed, start, months, customers=customers))


def generate_school(rows: int, seed: int = DEFAULT_SEED, start: date = DEFAULT_START,
                    months: int = DEFAULT_MONTHS, *,
                    customers: int | None = None) -> pd.DataFrame:
    """A GetCourse orders export of an online school; ``attrs`` holds kind, title, truth."""
    return _as_frame(generate("school", rows, seed, start, months, customers=customers))


# ---------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------


def _kind_of(frame: pd.DataFrame) -> Kind:
    kind = frame.attrs.get("kind")
    if kind in ("shop", "school"):
        return "shop" if kind == "shop" else "school"
    return "shop" if "Номер заказа" in frame.columns else "school"


Text = npt.NDArray[Any]  # numpy StringDType arrays
U8 = npt.NDArray[np.uint8]


def _fmt_money(values: pd.Series, thousands: bool, decimals: bool) -> Text:
    """Roubles with a decimal comma; NBSP thousands separators when ``thousands``;
    ``decimals`` False drops ``,00`` (Excel "General" style). NaN as empty."""
    v = values.to_numpy(dtype=np.float64)
    missing = np.isnan(v)
    kop = np.rint(np.where(missing, 0, v) * 100).astype(np.int64)
    a = np.abs(kop)
    rub, rest = a // 100, a % 100
    if thousands:
        high = rub // 1000
        low = (rub % 1000).astype(_STR)
        out = np.where(high > 0, np.strings.zfill(low, 3), low)
        while (high > 0).any():
            above = high // 1000
            grp = (high % 1000).astype(_STR)
            grp = np.where(above > 0, np.strings.zfill(grp, 3), grp)
            out = np.where(high > 0, grp + NBSP + out, out)
            high = above
    else:
        out = rub.astype(_STR)
    frac = "," + np.strings.zfill(rest.astype(_STR), 2)
    out = out + frac if decimals else np.where(rest > 0, out + frac, out)
    out = np.where(kop < 0, "-" + out, out)
    return np.where(missing, "", out)


def _field(text: str, enc: str) -> bytes:
    """One CSV field in ``enc``, quoted when it holds the separator, a quote or a newline."""
    if any(ch in text for ch in ';"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text.encode(enc)


def _fields(texts: list[str], enc: str) -> list[bytes]:
    """``_field`` of many strings; one encode call when none needs quoting."""
    joined = "\x00".join(texts)
    if not texts or any(ch in joined for ch in ';"\r\n'):
        return [_field(t, enc) for t in texts]
    return joined.encode(enc).split(b"\x00")


def _table(table: list[bytes]) -> npt.NDArray[np.bytes_]:
    """Fixed-width byte strings with the empty field appended last."""
    arr = np.asarray([*table, b""], dtype=np.bytes_)
    return arr.astype(f"S{max(1, arr.dtype.itemsize)}")


def _take(arr: npt.NDArray[np.bytes_], codes: npt.NDArray[np.intp]) -> U8:
    """``arr[codes]`` (``-1`` = the empty last entry) as an ``(n, width)`` byte matrix."""
    picked = arr[np.where(codes < 0, arr.size - 1, codes)]
    return picked.view(np.uint8).reshape(codes.size, arr.dtype.itemsize)


def _digits(v: I64, k: int) -> U8:
    """Zero-padded ``k``-digit ASCII of non-negative ints as an ``(n, k)`` byte matrix."""
    out = np.empty((v.size, k), dtype=np.uint8)
    for j in range(k):  # one pass per digit position, not per row
        out[:, k - 1 - j] = v // 10**j % 10 + 48
    return out


def _datetime_bytes(arr: npt.NDArray[np.datetime64], dayfirst: bool) -> U8:
    """``dd.mm.yyyy HH:MM`` or ``YYYY-MM-DD HH:MM:SS`` as a byte matrix; NaT empty."""
    nat = np.isnat(arr)
    arr = np.where(nat, np.datetime64(0, "s"), arr)
    month = arr.astype("datetime64[M]")
    day0 = arr.astype("datetime64[D]")
    sec = (arr - day0).astype(np.int64)
    y = _digits(arr.astype("datetime64[Y]").astype(np.int64) + 1970, 4)
    mo = _digits(month.astype(np.int64) % 12 + 1, 2)
    d = _digits((day0 - month).astype(np.int64) + 1, 2)
    hh, mm, ss = _digits(sec // 3600, 2), _digits(sec // 60 % 60, 2), _digits(sec % 60, 2)

    def lit(ch: str) -> U8:
        return np.full((arr.size, 1), ord(ch), dtype=np.uint8)

    parts = ([d, lit("."), mo, lit("."), y, lit(" "), hh, lit(":"), mm] if dayfirst else
             [y, lit("-"), mo, lit("-"), d, lit(" "), hh, lit(":"), mm, lit(":"), ss])
    out = np.hstack(parts)
    out[nat] = 0
    return out


def _int_bytes(ints: I64, na: Bool) -> U8:
    width = len(str(int(np.abs(ints).max(initial=0)))) + int((ints < 0).any())
    arr = np.where(na, b"", ints.astype(f"S{width}"))
    return arr.view(np.uint8).reshape(arr.size, arr.dtype.itemsize)


def _column_encoder(s: pd.Series, money: bool, kind: Kind, enc: str) -> Callable[[slice], U8]:
    """A function giving one column's CSV fields (rows ``sl``) in ``enc`` as an
    ``(n, width)`` NUL-padded byte matrix.

    Text and money columns are formatted once per distinct value and then indexed, so the
    cost per row is a memory copy.
    """
    if pd.api.types.is_datetime64_any_dtype(s):
        dts = s.to_numpy(dtype="datetime64[s]")
        return lambda sl: _datetime_bytes(dts[sl], dayfirst=kind == "shop")
    if money:
        codes, uniq = pd.factorize(s.to_numpy(dtype=np.float64), use_na_sentinel=True)
        text = _fmt_money(pd.Series(uniq), thousands=kind == "shop", decimals=kind == "shop")
        table = _table([str(x).encode(enc) for x in text.tolist()])
        return lambda sl: _take(table, codes[sl])
    if pd.api.types.is_integer_dtype(s):
        na = s.isna().to_numpy()
        ints = s.to_numpy(dtype=np.int64, na_value=0)
        return lambda sl: _int_bytes(ints[sl], na[sl])
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy().astype(np.intp)
        table = _table(_fields([str(x) for x in s.cat.categories.tolist()], enc))
    else:
        codes, uniq = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
        table = _table(_fields([str(x) for x in uniq.tolist()], enc))
    return lambda sl: _take(table, codes[sl])


def _csv_body(parts: list[U8]) -> bytes:
    """Data lines (``;``, CRLF): byte matrices side by side, the NUL padding dropped."""
    n = parts[0].shape[0]
    width = sum(m.shape[1] for m in parts) + len(parts) + 1
    out = np.zeros((n, width), dtype=np.uint8)
    pos = 0
    for i, m in enumerate(parts):
        out[:, pos:pos + m.shape[1]] = m
        pos += m.shape[1]
        out[:, pos] = ord(";") if i < len(parts) - 1 else ord("\r")
        pos += 1
    out[:, pos] = ord("\n")
    flat = out.ravel()
    return bytes(flat[flat != 0].tobytes())


def _shop_totals(frame: pd.DataFrame) -> list[str]:
    row = [""] * len(frame.columns)
    cols = list(frame.columns)
    row[0] = "Итого"
    row[cols.index("Количество")] = str(int(frame["Количество"].sum()))
    total = pd.Series([float(frame["Сумма"].sum())])
    row[cols.index("Сумма")] = str(_fmt_money(total, thousands=True, decimals=True)[0])
    return row


def write_csv(frame: pd.DataFrame, path: str | Path, *, encoding: str | None = None,
              plain: bool = False, chunk: int = 250_000) -> None:
    """Write the export as CSV with ``;`` and CRLF line ends.

    Shop: Windows-1251 by default, decimal comma, NBSP thousands, a title line above the
    header and an "Итого" row at the bottom (``plain`` drops both). School: UTF-8 with BOM,
    GetCourse layout. Lines are assembled as numpy byte matrices, chunk by chunk (pandas'
    ``to_csv`` and the csv module take many seconds on a million rows).
    """
    kind = _kind_of(frame)
    enc = encoding or ("cp1251" if kind == "shop" else "utf-8-sig")
    codec = "utf-8" if enc.replace("_", "-").lower() == "utf-8-sig" else enc
    ncol = len(frame.columns)
    with open(path, "wb") as fh:
        if codec != enc:
            fh.write(b"\xef\xbb\xbf")
        if kind == "shop" and not plain:
            title = str(frame.attrs.get("title", "Отчёт по заказам"))
            fh.write((title + ";" * (ncol - 1) + "\r\n").encode(codec))
        fh.write((";".join(_field(c, "utf-8").decode() for c in frame.columns) + "\r\n")
                 .encode(codec))
        money = {"Цена", "Сумма"} if kind == "shop" else set(_SCHOOL_MONEY)
        encoders = [_column_encoder(frame[c], c in money, kind, codec) for c in frame.columns]
        for lo in range(0, len(frame), chunk):
            sl = slice(lo, lo + chunk)
            fh.write(_csv_body([e(sl) for e in encoders]))
        if kind == "shop" and not plain:
            fh.write((";".join(_shop_totals(frame)) + "\r\n").encode(codec))


def write_xlsx(frame: pd.DataFrame, path: str | Path, *, plain: bool = False) -> None:
    """Write the export as XLSX (XlsxWriter, constant memory): true dates and numbers.

    The shop sheet gets the same title line and "Итого" row as its CSV unless ``plain``.
    """
    import xlsxwriter

    kind = _kind_of(frame)
    wb = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False})
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    if dates and len(frame):  # a fixed creation time keeps the file reproducible
        wb.set_properties({"created": pd.Timestamp(frame[dates[0]].max()).to_pydatetime()})
    ws = wb.add_worksheet("Заказы")
    bold = wb.add_format({"bold": True})
    date_fmt = wb.add_format({"num_format": "dd.mm.yyyy hh:mm" if kind == "shop"
                              else "yyyy-mm-dd hh:mm:ss"})
    money_fmt = wb.add_format({"num_format": "#,##0.00"})
    cols = list(frame.columns)
    money = {"Цена", "Сумма"} if kind == "shop" else set(_SCHOOL_MONEY)
    r0 = 0
    if kind == "shop" and not plain:
        ws.write_string(0, 0, str(frame.attrs.get("title", "Отчёт по заказам")), bold)
        r0 = 1
    for c, name in enumerate(cols):
        ws.set_column(c, c, max(10, min(40, len(name) + 2)))
        ws.write_string(r0, c, name, bold)

    writers: list[tuple[int, str, list[Any], Any]] = []
    for c, name in enumerate(cols):
        s = frame[name]
        if pd.api.types.is_datetime64_any_dtype(s):
            arr = s.to_numpy(dtype="datetime64[s]")
            serial = arr.astype(np.int64) / _DAY_S + 25_569.0
            writers.append((c, "n", np.where(np.isnat(arr), np.nan, serial).tolist(), date_fmt))
        elif pd.api.types.is_numeric_dtype(s):
            writers.append((c, "n", s.astype(np.float64).tolist(),
                            money_fmt if name in money else None))
        else:
            vals = s.to_numpy(dtype=object)
            writers.append((c, "s", [None if pd.isna(x) else x for x in vals.tolist()], None))
    num_cols = [(c, v, f) for c, k, v, f in writers if k == "n"]
    str_cols = [(c, v) for c, k, v, _ in writers if k == "s"]
    write_number, write_string = ws.write_number, ws.write_string
    for i in range(len(frame)):
        r = r0 + 1 + i
        for c, v, f in num_cols:
            x = v[i]
            if not math.isnan(x):
                write_number(r, c, x, f)
        for c, sv in str_cols:
            y = sv[i]
            if y is not None and y != "":
                write_string(r, c, y)
    if kind == "shop" and not plain:
        r = r0 + 1 + len(frame)
        ws.write_string(r, 0, "Итого", bold)
        ws.write_number(r, cols.index("Количество"), float(frame["Количество"].sum()), bold)
        ws.write_number(r, cols.index("Сумма"), float(frame["Сумма"].sum()), money_fmt)
    wb.close()


def write(frame: pd.DataFrame, path: str | Path, fmt: Literal["csv", "xlsx"], *,
          encoding: str | None = None, plain: bool = False) -> None:
    """Write ``frame`` as CSV or XLSX."""
    if fmt == "csv":
        write_csv(frame, path, encoding=encoding, plain=plain)
    else:
        write_xlsx(frame, path, plain=plain)


# ---------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``python bench/generate.py --kind shop|school --rows N --seed S --format csv|xlsx
    --out PATH [--truth PATH]``; timings go to stderr."""
    p = argparse.ArgumentParser(description="Generate a synthetic shop or school export.")
    p.add_argument("--kind", choices=["shop", "school"], required=True)
    p.add_argument("--rows", type=int, required=True, help="data rows (1..1,000,000)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--format", choices=["csv", "xlsx"], default=None,
                   help="default: from the --out suffix")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--truth", type=Path, default=None, help="write the ground truth JSON here")
    p.add_argument("--start", type=date.fromisoformat, default=DEFAULT_START,
                   help="first day, YYYY-MM-DD")
    p.add_argument("--months", type=int, default=DEFAULT_MONTHS)
    p.add_argument("--customers", type=int, default=None,
                   help="initial customer estimate (default rows / 10)")
    p.add_argument("--encoding", choices=["cp1251", "utf-8-sig"], default=None,
                   help="CSV encoding (default: cp1251 shop, utf-8-sig school)")
    p.add_argument("--plain", action="store_true",
                   help="shop: no title line and no Итого row")
    a = p.parse_args(argv)
    if not 1 <= a.rows <= 1_000_000:
        p.error("--rows must be between 1 and 1,000,000")
    fmt: Literal["csv", "xlsx"] = "xlsx" if a.out.suffix.lower() == ".xlsx" else "csv"
    if a.format is not None:
        fmt = "xlsx" if a.format == "xlsx" else "csv"
    t0 = time.perf_counter()
    ds = generate(a.kind, a.rows, a.seed, a.start, a.months, customers=a.customers)
    t1 = time.perf_counter()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    write(_as_frame(ds), a.out, fmt, encoding=a.encoding, plain=a.plain)
    t2 = time.perf_counter()
    if a.truth is not None:
        write_truth(ds.truth, a.truth)
    print(f"{a.kind}: {a.rows:,} rows, {ds.truth['customers']:,} customers, "
          f"{ds.truth['orders']:,} orders; generated in {t1 - t0:.2f} s, "
          f"{fmt} written in {t2 - t1:.2f} s -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
