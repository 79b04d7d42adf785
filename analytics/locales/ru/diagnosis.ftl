## The diagnosis at the head of the summary (analytics/render/text/diagnosis.py).

diag-period-year_on_year = за последние 12 мес. к предыдущим 12
diag-period-same_months_last_year = за { $from } — { $to } к тем же месяцам год назад
diag-period-consecutive = за последние { $months } мес. к предыдущим { $months } (сезон не исключён)

diag-since = , с { $month }
diag-month-gen-1 = января { $year }
diag-month-gen-2 = февраля { $year }
diag-month-gen-3 = марта { $year }
diag-month-gen-4 = апреля { $year }
diag-month-gen-5 = мая { $year }
diag-month-gen-6 = июня { $year }
diag-month-gen-7 = июля { $year }
diag-month-gen-8 = августа { $year }
diag-month-gen-9 = сентября { $year }
diag-month-gen-10 = октября { $year }
diag-month-gen-11 = ноября { $year }
diag-month-gen-12 = декабря { $year }

diag-factor-new_customers = меньше новых клиентов
diag-factor-orders_per_new = новые клиенты реже покупают повторно
diag-factor-new_check = ниже чек новых клиентов
diag-factor-retention = меньше вернувшихся клиентов
diag-factor-frequency = вернувшиеся покупают реже
diag-factor-returning_check = ниже чек вернувшихся клиентов

diag-lever-new_customers = приток новых клиентов
diag-lever-new_check = чек новых клиентов
diag-lever-retention = возврат клиентов базы
diag-lever-frequency = частота покупок вернувшихся
diag-lever-returning_check = чек вернувшихся клиентов

diag-head-fell = Выручка { $period }: { $change }. Из того, что её тянуло вниз, { $share } ({ $value }) — { $factor }{ $since }.
diag-head-potential = Выручка { $period }: { $change }; ни один рычаг не упал. Больше всего даст { $lever }: вернуть его к уровню прежних периодов — { $value } за такой же срок.
diag-head-steady = Выручка { $period }: { $change }; ни один рычаг не упал ниже прежнего уровня.

diag-growth-growing = Бизнес растёт: { $growth } в год ({ $basis }).
diag-growth-flat = Выручка стоит на месте: { $growth } в год ({ $basis }).
diag-growth-declining = Бизнес сокращается: { $growth } в год ({ $basis }).
diag-growth-growing-said = Бизнес растёт.
diag-growth-flat-said = Выручка стоит на месте.
diag-growth-declining-said = Бизнес сокращается.
diag-basis-last_12_vs_previous_12 = последние 12 мес. к предыдущим 12
diag-basis-log_slope = по наклону помесячной выручки

diag-season-confirmed = Сезонность подтверждена (повторяется не менее двух лет): пики { $peaks }.
diag-season-possible = Возможна сезонность (данных меньше трёх лет), в деньгах её не оцениваем.

diag-acquisition-stopped = Приток новых клиентов остановился: за последние 6 мес. { $new } { $new_n ->
    [one] новый клиент
    [few] новых клиента
   *[many] новых клиентов
} при базе { $base }. База не пополняется — это опасно при любом удержании.
diag-leads = Лиды (бесплатные заказы, регистрации): в первую оплату за { $days } дн. переходят { $conversion } (по месяцам, где срок уже прошёл).
diag-no-leads = Привлечение (UA) и конверсию в первую покупку (C1) по этому файлу не измерить: в нём нет лидов. Их даст выгрузка заявок или регистраций.

diag-silent = Замолчали крупные клиенты (молчат дольше 2,5 своих обычных интервалов): { $accounts }.
diag-silent-account = { $name } — { $revenue } за 12 мес., последний заказ { $date }

diag-thin = Данных немного ({ $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} за { $months } мес.): выводы предварительные.
diag-too-little = Данных слишком мало ({ $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} за { $months } мес.): выводы предварительные, денежные оценки шагов не даём.
