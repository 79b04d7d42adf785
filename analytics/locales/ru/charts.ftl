# Audit charts (analytics/charts): titles state the finding, labels are short for a phone.

chart-month-1 = янв
chart-month-2 = фев
chart-month-3 = мар
chart-month-4 = апр
chart-month-5 = май
chart-month-6 = июн
chart-month-7 = июл
chart-month-8 = авг
chart-month-9 = сен
chart-month-10 = окт
chart-month-11 = ноя
chart-month-12 = дек
chart-partial-month = Неполный месяц

## Revenue by month
chart-revenue-title = Выручка по месяцам
chart-revenue-title-returning = Повторные покупатели приносят { $share_pct } выручки
chart-revenue-title-new = { $share_pct } выручки дают новые клиенты: база почти не возвращается
chart-revenue-title-up-returning = Выручка за год выросла на { $change_pct }, { $share_pct } дают повторные покупатели
chart-revenue-title-up-new = Выручка за год выросла на { $change_pct }, но { $share_pct } дают новые клиенты
chart-revenue-title-down-returning = Выручка за год упала на { $change_pct }, { $share_pct } дают повторные покупатели
chart-revenue-title-down-new = Выручка за год упала на { $change_pct }, { $share_pct } дают новые клиенты
chart-revenue-title-flat-returning = Выручка за год почти не изменилась, { $share_pct } дают повторные покупатели
chart-revenue-title-flat-new = Выручка за год почти не изменилась, { $share_pct } дают новые клиенты
chart-revenue-returning = Повторные покупатели
chart-revenue-new = Новые клиенты
chart-revenue-total = Выручка
chart-revenue-axis = Выручка за месяц

## Total base vs active base
chart-period =
    { $months ->
        [12] за год
        [one] за { $months } месяц
        [few] за { $months } месяца
       *[other] за { $months } месяцев
    }
chart-active-title = Вся база и активная база по месяцам
chart-active-title-share = Активны только { $share_pct } базы: { $active } из { $total } { $total_n ->
    [one] клиента
   *[other] клиентов
}
chart-active-title-shrinking = Активная база { $period } сократилась на { $change_pct }, а вся база выросла в { $total_x } раза
chart-active-title-falling = Активная база { $period } сократилась на { $change_pct }: активны { $active } из { $total } { $total_n ->
    [one] клиента
   *[other] клиентов
}
chart-active-title-growing = Активная база { $period } выросла на { $change_pct }: активны { $active } из { $total } { $total_n ->
    [one] клиента
   *[other] клиентов
}
chart-active-title-flat = Активная база { $period } почти не изменилась: активны { $active } из { $total } { $total_n ->
    [one] клиента
   *[other] клиентов
}
chart-active-total = Вся база
chart-active-active = Активная база
chart-active-axis = Клиентов
chart-active-churn-axis = Отток за месяц

## RFM segments
segment-champions = Чемпионы
segment-loyal = Лояльные
segment-potential-loyalist = Потенциально лояльные
segment-new = Новые
segment-promising = Перспективные
segment-need-attention = Требуют внимания
segment-about-to-sleep = Засыпающие
segment-at-risk = В зоне риска
segment-cant-lose = Нельзя потерять
segment-hibernating = Спящие
segment-lost = Потерянные
chart-rfm-title = RFM-сегменты клиентов
chart-rfm-title-core = Чемпионы и лояльные: { $customers_pct } клиентов приносят { $revenue_pct } выручки
chart-rfm-title-slipping = Под угрозой { $revenue_pct } выручки: столько принесли клиенты, которые уходят ({ $customers_pct } базы)
chart-rfm-title-largest = Самый большой сегмент — «{ $segment }»: { $customers_pct } клиентов, { $revenue_pct } выручки
chart-rfm-customers = Доля клиентов
chart-rfm-revenue = Доля выручки

## Cohort retention
chart-cohorts-title = Удержание клиентов по месяцу первой покупки
chart-cohorts-title-month1 = В следующем месяце снова покупают { $month1_pct } новых клиентов
chart-cohorts-title-worse = Новые клиенты возвращаются реже: через месяц снова покупают { $newer_pct } против { $older_pct } раньше
chart-cohorts-title-better = Новые клиенты возвращаются чаще: через месяц снова покупают { $newer_pct } против { $older_pct } раньше
chart-cohorts-x = Месяцев после первой покупки
chart-cohorts-y = Месяц первой покупки

## Breakdown
chart-group-other = Остальные
chart-group-unknown = Не указано
chart-dimension-main-category = Основная категория
chart-dimension-channel = Канал привлечения
chart-dimension-city = Город
chart-breakdown-title = Клиенты и выручка по группам
chart-breakdown-title-customers = { $dimension ->
        [city] Город
        [channel] Канал
       *[other] Категория
    } «{ $group }» — крупнейшая группа: { $customers_pct } клиентов
chart-breakdown-title-revenue = { $dimension ->
        [city] Город
        [channel] Канал
       *[other] Категория
    } «{ $group }» приносит больше всего: { $revenue_pct } выручки и { $customers_pct } клиентов
chart-breakdown-title-revenue-more = { $dimension ->
        [city] Город
        [channel] Канал
       *[other] Категория
    } «{ $group }»: { $customers_pct } клиентов приносят { $revenue_pct } выручки

## Customer clusters (map of customers by behaviour)
chart-clusters-title-plain = Группы клиентов по поведению
chart-clusters-title-valuable = Самая ценная группа: { $customers_pct } клиентов приносят { $revenue_pct } выручки
chart-clusters-title-gone = { $customers_pct } клиентов — в группе, которая давно не покупает
chart-clusters-title-largest = Клиенты делятся на группы по поведению: в крупнейшей { $customers_pct } клиентов
chart-clusters-legend = { $customers_pct } клиентов, { $revenue_pct } выручки
chart-clusters-legend-customers = { $customers_pct } клиентов
chart-clusters-other = Остальные группы
chart-clusters-note = Точка — клиент; чем ближе точки, тем похожее клиенты покупают

chart-caption-revenue = Выручка по месяцам: новые и вернувшиеся клиенты
chart-caption-active-base = Вся база и активная база, отток
chart-caption-rfm = RFM-сегменты: клиенты и выручка
chart-caption-cohorts = Удержание когорт по месяцу первой покупки
chart-caption-breakdown = Разрез базы
chart-caption-clusters = Группы клиентов по поведению
