## Findings, recommendations, playbooks, comparison (analytics/advice) and the text
## renderings of a report (analytics/report/text.py). Arguments are formatted by the caller
## (analytics/formatting.py); "$x_n" is the raw number of "$x", for plurals and selectors.
## audit-finding-* are read by the intake brief with raw numbers (see the end of the file).

## Findings

advice-month-in-1 = в январе
advice-month-in-2 = в феврале
advice-month-in-3 = в марте
advice-month-in-4 = в апреле
advice-month-in-5 = в мае
advice-month-in-6 = в июне
advice-month-in-7 = в июле
advice-month-in-8 = в августе
advice-month-in-9 = в сентябре
advice-month-in-10 = в октябре
advice-month-in-11 = в ноябре
advice-month-in-12 = в декабре


advice-finding-active-base-shrinking = За { $months } мес. ({ $month_from } → { $month_to }) вся база выросла с { $total_from } до { $total_to }, а активная упала с { $active_from } до { $active_to } (−{ $active_change }): ушли в отток { $churned } { $churned_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}, новых пришло { $new }. Конверсия на всей базе { $conversion_total_base_from } → { $conversion_total_base_to }, на активной { $conversion_active_base_from } → { $conversion_active_base_to }: конверсию честнее читать по активной базе, вся база включает давно ушедших.
advice-finding-win-back-segments-large = В сегментах «В зоне риска» и «Нельзя потерять» { $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} ({ $share } базы): раньше они покупали часто и принесли { $revenue } ({ $revenue_share } выручки), а теперь перестали.
advice-finding-revenue-concentrated = { $top_share } выручки приносят { $top_customers } { $top_customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} — лучшие 20 % базы. { $core_customers_n ->
    [0] Уход нескольких из них заметно ударит по выручке.
   *[other] Чемпионы и лояльные ({ $core_customers }) дают { $core_revenue_share } выручки: их уход ударит сильнее любой рекламы.
}
advice-finding-one-time-buyers-dominate = { $one_time } из { $customers } { $customers_n ->
    [one] клиента
   *[other] клиентов
} ({ $share }) купили один раз и больше не возвращались.
advice-finding-early-cohort-churn = Во второй месяц после первой покупки возвращаются только { $retention_m1 } новых клиентов, хотя обычный промежуток между покупками — { $median_gap_days } дн.: новички теряются сразу после первой покупки.
advice-finding-frequency-falling = Активные клиенты стали покупать реже: { $frequency_before } → { $frequency_recent } заказа в месяц на клиента (−{ $change }), последние { $months } мес. против предыдущих { $months }.
advice-finding-average-check-falling = Средний чек упал с { $aov_before } до { $aov_recent } (−{ $change }): последние { $months } мес. против предыдущих { $months }.
advice-finding-seasonality = Сезонность: { $peak_month_in } выручка в { $peak_index } раза выше среднего месяца, { $low_month_in } — лишь { $low_index } от среднего; так было оба последних года.
advice-finding-outperforming-group = { $dimension_n ->
    [city] Город
    [channel] Канал
   *[main_category] Категория
} «{ $value }»: { $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} приносят в среднем { $revenue_per_customer } против { $base_revenue_per_customer } по базе (×{ $multiple }).
advice-finding-stale-contacts = { $stale } { $stale_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} ({ $share } базы) не покупали больше { $months } мес.: конверсия и охваты, посчитанные на всей базе, вводят в заблуждение.
advice-finding-duplicate-contacts = { $duplicates } { $duplicates_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} ({ $share } базы) делят email или телефон с другой записью; точных дублей строк: { $duplicate_rows }.

advice-finding-name-active-base-shrinking = активная база сокращается
advice-finding-name-win-back-segments-large = много клиентов в зоне риска
advice-finding-name-revenue-concentrated = выручка держится на немногих
advice-finding-name-one-time-buyers-dominate = много разовых покупателей
advice-finding-name-early-cohort-churn = новички не возвращаются
advice-finding-name-frequency-falling = покупают реже
advice-finding-name-average-check-falling = средний чек падает
advice-finding-name-seasonality = сезонность
advice-finding-name-outperforming-group = сильная группа клиентов
advice-finding-name-stale-contacts = устаревшие контакты
advice-finding-name-duplicate-contacts = дубли клиентов
advice-finding-acquisition-falling = Новых клиентов стало меньше: { $new_before } → { $new_recent } за сравнимые периоды по { $months } мес. (−{ $change }).
advice-finding-name-acquisition-falling = меньше новых клиентов
advice-finding-key-accounts-silent = Замолчали крупные клиенты ({ $accounts }): { $names }. За последние 12 мес. они принесли { $revenue_12m } ({ $revenue_share } выручки) и молчат дольше 2,5 своих обычных интервалов между покупками.
advice-finding-name-key-accounts-silent = замолчали крупные клиенты

advice-computed-on-active-base-monthly = Посчитано по активной базе по месяцам: активен тот, кто покупал в окне оттока
advice-computed-on-customers-with-purchases = Посчитано по клиентам с оплаченными заказами
advice-computed-on-rfm-segments = Посчитано по RFM-сегментам
advice-computed-on-cohorts-by-first-purchase-month = Посчитано по когортам по месяцу первой покупки, без маленьких и молодых
advice-computed-on-valid-orders-monthly = Посчитано по оплаченным заказам по месяцам
advice-computed-on-customers = Посчитано по клиентам группы и всей базы
advice-computed-on-quality = Посчитано при проверке качества данных
advice-computed-on-new-customers-by-window = Посчитано по новым клиентам сравнимых периодов: новый — тот, чья первая покупка пришлась на период
advice-computed-on-own-purchase-rhythm = Посчитано по ритму каждого клиента: медианному интервалу между его покупками


## Recommendations (HADI: hypothesis, action, data to watch)

advice-rec-unvalued-hypothesis = Если сделать шаг «{ $title }» для группы «{ $target }», метрика «{ $watch }» улучшится; в деньгах по этим данным не оценить.

advice-rec-reactivate-churned-title = Вернуть тех, кто недавно выпал из активной базы
advice-rec-reactivate-churned-hypothesis = Если каждому, кто выпал из активной базы за последние 3 мес. ({ $x_customers }), отправить серию напоминаний с поводом вернуться, вернутся { $x_rate } — активная база перестанет таять: { $gain }.
advice-rec-reactivate-churned-action = Настроить автоматическое письмо или сообщение в день, когда клиент выходит за окно оттока, и ещё два через неделю и через две: новинки и его любимая категория, без скидок.
advice-rec-reactivate-churned-step = Выгрузить из customers.xlsx клиентов, чья последняя покупка была 3-6 месяцев назад, и отправить им первое письмо на этой неделе.

advice-rec-win-back-title = Личное предложение клиентам «В зоне риска» и «Нельзя потерять»
advice-rec-win-back-hypothesis = Если клиентам «В зоне риска» и «Нельзя потерять» ({ $x_customers }) сделать личное предложение, вернётся { $x_rate }: { $gain }.
advice-rec-win-back-action = Личное сообщение или звонок от владельца или менеджера: спросить, почему перестали покупать, и предложить то, что они брали раньше, на личных условиях (доставка, подборка, удобная оплата), а не со скидкой: скидка съела бы эффект.
advice-rec-win-back-step = Отфильтровать в customers.xlsx сегменты «Нельзя потерять» и «В зоне риска», начать с самых крупных по сумме покупок и написать первым десяти сегодня.

advice-rec-protect-core-title = Программа для лучших клиентов
advice-rec-protect-core-hypothesis = Если Чемпионам и Лояльным ({ $x_customers }) дать программу для своих — ранний доступ, личный контакт, бонус за рекомендацию, — мы удержим { $x_kept } из тех, кто иначе уйдёт за год (а это { $x_leave_rate }): { $gain }.
advice-rec-protect-core-action = Завести короткий список лучших клиентов с личным менеджером; раз в месяц — ранний доступ к новинкам и просьба порекомендовать друзьям, без скидок, они покупают и так.
advice-rec-protect-core-step = Выгрузить Чемпионов и Лояльных из customers.xlsx и лично поблагодарить первых двадцать по сумме покупок.

advice-rec-second-purchase-title = Программа второй покупки
advice-rec-second-purchase-hypothesis = Если купившим один раз ({ $x_customers } { $x_customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}: { $target }) дать повод для второй покупки, { $x_rate } купят снова: доля повторных покупателей вырастет, { $gain }.
advice-rec-second-purchase-action = Через неделю после первой покупки — письмо с тем, что обычно покупают следом; через три недели — напоминание с подборкой к первой покупке.
advice-rec-second-purchase-step = Посмотреть, что чаще всего покупают вторым заказом, и собрать из этого первое письмо.

advice-rec-onboarding-title = Знакомство для новых клиентов в первые 30 дней
advice-rec-onboarding-hypothesis = Если новым клиентам (около { $x_customers } за год) присылать цепочку знакомства в первые 30 дней, во второй месяц вернутся ещё { $x_rate } из них: { $gain }.
advice-rec-onboarding-action = Три касания после первой покупки: как получить максимум от покупки, подборка к ней; через месяц — вопрос, всё ли понравилось.
advice-rec-onboarding-step = Написать первое приветственное письмо и включить его для всех, кто купит впервые со следующей недели.

advice-rec-raise-frequency-title = Вернуть частоту покупок активных клиентов
advice-rec-raise-frequency-hypothesis = Если активным клиентам ({ $x_customers }) напоминать о покупке по их обычному интервалу, частота вернёт половину падения: { $gain }.
advice-rec-raise-frequency-action = Напоминание о повторной покупке по интервалу каждого клиента (расходники, подписка, «пора пополнить»), предложение регулярной доставки.
advice-rec-raise-frequency-step = Найти 3-5 товаров, которые покупают повторно, и настроить по ним первое напоминание.

advice-rec-raise-check-title = Вернуть средний чек
advice-rec-raise-check-hypothesis = Если предложить наборы и поднять порог бесплатной доставки чуть выше текущего среднего чека, чек вернёт половину падения ({ $x_check_drop } на заказ): { $gain }.
advice-rec-raise-check-action = Наборы из часто покупаемых вместе товаров, допродажа в корзине, порог бесплатной доставки на 10-20 % выше среднего чека.
advice-rec-raise-check-step = Выбрать пять пар товаров, которые чаще всего покупают вместе, и показать их в корзине.

advice-rec-prepare-peak-title = Подготовиться к сезонному пику
advice-rec-prepare-peak-hypothesis = Если подготовиться к пику заранее — запасы, предложение, рассылка по базе за 3-4 недели, — выручка { $peak_month_in } вырастет на { $x_lift }: { $gain }.
advice-rec-prepare-peak-action = План на пиковый месяц: запасы ходовых товаров, предложение для базы, реклама с запуском за 3-4 недели, напоминание тем, кто покупал в прошлый сезон.
advice-rec-prepare-peak-step = Выгрузить клиентов, покупавших { $peak_month_in } в прошлом году, и поставить рассылку им за месяц до пика.

advice-rec-double-down-title = Усилить то, что работает лучше всего
advice-rec-double-down-hypothesis = Если направить { $x_rate } новых клиентов следующего года (около { $x_customers }) в { $dimension_name } «{ $value }», каждый принесёт на { $x_value } больше среднего: { $gain }.
advice-rec-double-down-action = Перераспределить бюджет привлечения и внимание в пользу «{ $value }»: больше рекламы туда, где такие клиенты приходят, и предложение этой группы остальным.
advice-rec-double-down-step = Сравнить стоимость привлечения клиента в «{ $value }» и в остальных группах и перенести 10 % бюджета в ближайший месяц.

advice-rec-clean-base-title = Почистить базу от устаревших контактов
advice-rec-clean-base-hypothesis = Если вынести { $stale } { $stale_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}, не покупавших больше { $months } мес., в отдельный сегмент, конверсия и охваты станут честными, а рассылки — дешевле.
advice-rec-clean-base-action = Считать конверсию и охваты на активной базе; устаревшим контактам — одна последняя попытка реактивации, затем исключить из регулярных рассылок.
advice-rec-clean-base-step = Отметить в CRM всех, кто не покупал больше { $months } мес., и исключить их из следующей регулярной рассылки.

advice-rec-merge-duplicates-title = Объединить дубли клиентов
advice-rec-merge-duplicates-hypothesis = Если объединить { $duplicates } { $duplicates_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} с общим email или телефоном, у каждого будет одна история и верный сегмент, а рассылки не уйдут дважды.
advice-rec-merge-duplicates-action = Объединить записи с одинаковым email или телефоном в CRM и включить проверку дублей при создании клиента.
advice-rec-merge-duplicates-step = Найти в CRM записи с одинаковым телефоном и объединить первые из них сегодня.
advice-rec-restart-acquisition-title = Вернуть приток новых клиентов
advice-rec-restart-acquisition-hypothesis = Если вернуть половину потерянного притока ({ $x_customers } { $x_customers_n ->
    [one] новый клиент
    [few] новых клиента
   *[many] новых клиентов
} за год): { $gain }.
advice-rec-restart-acquisition-action = Найти, какой источник перестал приводить клиентов (реклама, партнёр, маркетплейс, сарафан), и перезапустить его; новых клиентов считать каждую неделю.
advice-rec-restart-acquisition-step = Сравнить источники новых клиентов до и после спада и на этой неделе перезапустить тот, что выпал.
advice-rec-call-key-accounts-title = Позвонить замолчавшим крупным клиентам
advice-rec-call-key-accounts-hypothesis = Если из замолчавших крупных клиентов ({ $x_customers }) вернётся половина: { $gain }.
advice-rec-call-key-accounts-action = Личный звонок каждому: что изменилось, не ушёл ли к конкуренту; пересмотр прайса, условий договора или отсрочки.
advice-rec-call-key-accounts-step = Сегодня позвонить самому крупному из замолчавших клиентов (они названы в разделе «Главное»).

advice-growth-UA = привлечение (UA)
advice-growth-C1 = конверсия в покупку (C1)
advice-growth-AOV = средний чек (AOV)
advice-growth-APC = повторные покупки (APC)
advice-growth-COGS = себестоимость (COGS)
advice-growth-churn = удержание (отток)

advice-watch-total-base = вся база
advice-watch-new-customers = новые клиенты в месяц
advice-watch-active-base = активная база
advice-watch-churn-rate = отток в месяц
advice-watch-reactivated = вернувшиеся клиенты в месяц
advice-watch-revenue-3m = выручка за 3 мес.
advice-watch-aov = средний чек за 3 мес.
advice-watch-frequency = заказы в месяц на активного клиента
advice-watch-repeat-rate = доля повторных покупателей
advice-watch-core-customers = число Чемпионов и Лояльных
advice-watch-retention-m1 = доля новичков, купивших во второй месяц
advice-watch-peak-revenue = выручка пикового месяца
advice-watch-group-share = доля группы в базе
advice-watch-stale-share = доля устаревших контактов
advice-watch-duplicate-share = доля дублей
advice-watch-now = { $name } (сейчас { $value })

advice-effect-value = +{ $effect } { $basis } за 12 мес. (от { $low } до { $high })
advice-effect-with-formula = { $head }: { $formula }. { $source }
advice-effect-unknown = по этим данным в деньгах не оценить
advice-effect-none = в деньгах не оцениваем: это гигиена базы, без неё остальные цифры врут
advice-effect-reach = { $x_customers } × { $x_rate } × чек { $x_check } × { $x_orders } { $x_orders_n ->
    [one] заказ
    [few] заказа
    [many] заказов
   *[other] заказа
}
advice-effect-keep = { $x_customers } × { $x_leave_rate } уйдут за год × удержим { $x_kept } (допущение) × чек { $x_check } × { $x_orders } заказа в год
advice-effect-frequency = { $x_customers } активных × { $x_frequency_drop } заказа в мес. × { $x_months } мес. × { $x_recovery } × чек { $x_check }
advice-effect-accounts = { $x_customers } × { $x_rate } × выручка клиента за 12 мес. { $x_revenue }
advice-effect-check = { $x_orders } заказов × { $x_check_drop } × { $x_recovery }
advice-effect-peak = выручка пикового месяца { $x_revenue } × { $x_lift }
advice-effect-shift = { $x_customers } новых × { $x_rate } × { $x_value }
advice-effect-terms = { $formula } × дисконт { $x_discount }{ $margin } = { $product }
advice-effect-margin = {" "}× маржа { $x_margin }
advice-effect-capped = { $arithmetic }, но не больше { $cap }: { $cap_basis }
advice-cap-active-revenue-12m = половина того, что эти клиенты принесли за последние 12 мес.
advice-cap-one-order-each = по одному заказу от каждого из них
advice-cap-whole-loss = весь потерянный приток
advice-cap-all-steered = все новые клиенты в этой группе
advice-cap-their-revenue-12m = их выручка за последние 12 мес.
advice-basis-revenue = выручки
advice-basis-margin = маржи
advice-source-history = Доля { $rate } — из истории вашей базы за 12 мес.
advice-source-default = Доля { $rate } — осторожное допущение: своей истории мало.
advice-source-assumption = Доля { $rate } — допущение; знаете свою — подставьте.
advice-gain = +{ $effect } { $basis } за 12 месяцев
advice-plan-total = Шаги для разных клиентов вместе: около { $value } { $basis } за 12 мес. (от { $low } до { $high }).
advice-overlaps = Нацелен на тех же клиентов, что и «{ $titles }»: не складывайте их.

advice-why = { $text } { $base }.

advice-lead-hypothesis = Гипотеза
advice-lead-action = Действие
advice-lead-step = Первый шаг
advice-lead-watch = Смотрим на
advice-lead-growth = Метрика роста
advice-lead-effect = Эффект
advice-lead-why = Почему

advice-target-one-time-open = купившие один раз, чьё окно оттока ещё не закрылось
advice-target-churned-recently = выпавшие из активной базы за 3 мес.
advice-target-active-base = активная база
advice-target-top-customers = лучшие 20 % клиентов
advice-target-all = вся база
advice-target-stale = устаревшие контакты
advice-target-duplicates = дубли
advice-target-one-time-buyers = разовые покупатели
advice-target-city = город
advice-target-channel = канал
advice-target-main-category = категорию
advice-target-new-customers = новые клиенты
advice-target-key-accounts = замолчавшие крупные клиенты

## Playbooks

advice-playbook = → { $offer }; { $channel }; { $cadence }

advice-offer-referral-early-access = ранний доступ к новинкам и бонус за рекомендацию, без скидок
advice-offer-loyalty-upsell = бонусы программы лояльности и товары дороже привычных
advice-offer-cross-sell = товары из соседней категории
advice-offer-welcome-series = знакомство: как пользоваться, подборка к покупке, бонус на вторую
advice-offer-second-purchase-bonus = бонус на вторую покупку со сроком
advice-offer-personal-recommendation = личная подборка по прошлым покупкам на ограниченное время
advice-offer-reminder-bestsellers = напоминание и хиты продаж, небольшой бонус
advice-offer-win-back-offer = личное предложение вернуться на личных условиях, не скидкой
advice-offer-personal-call = личный звонок: спросить, что случилось, и предложить лучшее
advice-offer-seasonal-sale = только сезонные распродажи
advice-offer-last-attempt = последняя попытка вернуть, затем исключить из рассылок

advice-channel-messenger = мессенджер, лично
advice-channel-email-messenger = email и мессенджер
advice-channel-email = email
advice-channel-email-sms = email и SMS
advice-channel-phone = телефон

advice-cadence-monthly = раз в месяц
advice-cadence-biweekly = раз в две недели
advice-cadence-welcome-30d = цепочка из 3 писем за первые 30 дней
advice-cadence-weekly-month = раз в неделю в течение месяца
advice-cadence-two-touches = два касания с перерывом в 2 недели
advice-cadence-series-3 = серия из 3 писем, стоп после покупки
advice-cadence-once-personal = один раз, лично
advice-cadence-quarterly = раз в квартал
advice-cadence-once-then-suppress = один раз, потом не беспокоить

## Comparison with the previous audit

advice-compare-periods = Прошлый аудит: данные по { $old }; этот: по { $new }.
advice-compare-warning-old-is-newer = Внимание: «прошлый» отчёт новее текущего — проверьте порядок файлов.
advice-compare-warning-different-currency = Внимание: в отчётах разные валюты, денежные показатели несравнимы.
advice-compare-warning-different-shape = Внимание: отчёты построены по файлам разного типа (заказы и список клиентов).
advice-compare-warning-few-common-customers = Внимание: у этих отчётов почти нет общих клиентов — похоже, это данные разных бизнесов. Сравнивать имеет смысл выгрузки одной и той же базы.
advice-compare-warning-unlike-business = Внимание: похоже, это данные разных бизнесов — не совпадают размер базы, период или валюта. Сравнивать имеет смысл выгрузки одной и той же базы.
advice-compare-top = Главный шаг прошлого аудита — «{ $title }»: { $line }
advice-compare-line = { $name }: { $old } → { $new } ({ $change }), { $verdict }
advice-compare-verdict-better = лучше
advice-compare-verdict-worse = хуже
advice-compare-verdict-flat = без изменений
advice-compare-verdict-unknown = не сравнить
advice-compare-metrics = Показатели
advice-compare-segments = Размер RFM-сегментов
advice-compare-findings = Находки
advice-compare-findings-resolved = решено: { $items }
advice-compare-findings-persisting = осталось: { $items }
advice-compare-findings-new = новое: { $items }
advice-compare-error-not-found = Нет файла прошлого отчёта { $path }: укажите report.json прошлого аудита.
advice-compare-error-not-json = Файл { $path } — не JSON: укажите report.json, который записал прошлый аудит (--out).
advice-compare-error-not-report = В файле { $path } нет разделов отчёта (data, metrics): нужен report.json прошлого аудита.

## Text renderings (CLI summary.txt, the bot)

report-summary-title-undated = Аудит клиентской базы: { $file }
report-summary-title = Аудит клиентской базы: { $file }, данные по { $date }
report-five-title = Пять цифр, которые важны
report-five-revenue-undated = Выручка (по данным списка клиентов): { $revenue }
report-five-revenue = Выручка за { $from } — { $to }: { $revenue }
report-five-revenue-missing = Выручка: в файле её нет — ни заказов, ни сумм покупок по клиентам. Пришлите выгрузку заказов (или список с суммой покупок).
report-five-base = База: всего { $total } { $total_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}, активных { $active } ({ $share }) — покупали за последние { $days } дн.
report-five-base-list = База: { $total } { $total_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} (в списке клиентов нет помесячной истории, активную базу по месяцам не посчитать)
report-five-aov = Средний чек: { $aov }
report-five-apc = Заказов на клиента: { $apc }; повторных покупателей: { $repeat }
report-five-churn = Отток: { $churn } активной базы в месяц (в среднем за 3 мес.)
report-five-churn-unknown = Отток: нужен файл заказов с датами
report-main-title = Главное
report-no-purchases = В файле нет покупок, поэтому выводов о выручке, оттоке и сегментах нет. Для аудита нужна выгрузка заказов (дата, клиент, сумма) или список клиентов с суммой и датой последней покупки.
report-no-findings = Правила не нашли явных проблем: база ведёт себя ровно. Повторите аудит через месяц и сравните (--compare).
report-no-findings-chat = Правила не нашли явных проблем: база ведёт себя ровно. Пришлите новую выгрузку через месяц: я сравню её с этой.
report-lever = Рычаг роста сейчас: { $metric }.
report-top-title = Главные шаги, каждый для своих клиентов
report-top-item = { $rank }. { $title }: { $effect }
report-top-line = { $title }: { $effect }
report-more = …и ещё { $count } — полностью в report.pdf
report-recs-title = Следующие шаги роста — по ожидаемому эффекту в деньгах
report-rec-heading = { $rank }. { $title }
report-lead = { $lead }: { $text }
report-segments-title = RFM-сегменты и что с ними делать
report-segments-none = RFM-сегменты не посчитаны: в файле нет даты последней покупки, числа заказов или суммы покупок.
report-segment-line = { $name }: { $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} ({ $share }), выручка { $revenue } ({ $revenue_share })
report-cohorts-title = Когорты: сколько клиентов возвращается
report-cohorts-none = Когорт нет: нужен файл заказов с датами.
report-cohorts-average = В среднем покупают снова через 1 мес.: { $m1 }, через 3 мес.: { $m3 }, через 6 мес.: { $m6 }.
report-cohort-line = { $cohort }: { $customers } { $customers_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
}; 1 мес.: { $m1 }, 3 мес.: { $m3 }, 6 мес.: { $m6 }
report-cohorts-note = Когорта — клиенты, впервые купившие в этом месяце; доля — кто из них покупал в N-й месяц после первого.
report-clusters-title = Кластеры клиентов
report-cluster-line = { $number }. { $size } { $size_n ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} ({ $share }), { $revenue_share } выручки: { $description }
report-clusters-status-too-few-customers = Кластеры не построены: слишком мало клиентов.
report-clusters-status-no-variation = Кластеры не построены: клиенты почти не различаются по поведению.
report-clusters-status-missing = Кластеры строятся только по файлу заказов.
report-clv-title = Прогноз ценности базы (CLV)
report-clv-horizon = За { $days } дн.: около { $purchases } { $purchases_n ->
    [one] покупки
   *[other] покупок
} на { $value } выручки (в среднем { $per_customer } на клиента)
report-clv-note = Модели BG/NBD и Gamma-Gamma по истории { $repeat } повторных покупателей, дисконт { $discount } в месяц.
report-clv-status-too-few-repeat-buyers = Прогноз не построен: слишком мало повторных покупателей.
report-clv-status-too-short-period = Прогноз не построен: данные охватывают слишком короткий период.
report-clv-status-did-not-converge = Прогноз не построен: модель не сошлась на этих данных.
report-clv-status-missing = Прогноз строится только по файлу заказов.
report-comparison-title = Что изменилось с прошлого аудита
report-comparison-none = Сравнения нет: запустите аудит с --compare ПРОШЛЫЙ/report.json.
report-comparison-none-chat = Сравнивать пока не с чем: пришлите выгрузку ещё раз позже, и я покажу, что изменилось.
report-findings-heading = Находки
report-recs-heading = Следующие шаги роста
report-playbooks-heading = Что делать с каждым сегментом

## Read by the intake brief (analytics/toolkit/brief.py) with the raw evidence numbers.

audit-finding-acquisition-falling = Новых клиентов стало меньше: { $new_before } → { $new_recent } за сравнимые периоды.
audit-finding-key-accounts-silent = Замолчали крупные клиенты: { $names }.
audit-finding-active-base-shrinking = Вся база растёт ({ $total_from } → { $total_to }), а активная сокращается ({ $active_from } → { $active_to }): клиенты уходят быстрее, чем приходят.
audit-finding-win-back-segments-large = { $customers } { $customers ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} в сегментах «В зоне риска» и «Нельзя потерять» — { NUMBER($revenue_share, style: "percent", maximumFractionDigits: 0) } выручки: пора возвращать.
audit-finding-revenue-concentrated = Лучшие 20 % клиентов дают { NUMBER($top_share, style: "percent", maximumFractionDigits: 0) } выручки.
audit-finding-one-time-buyers-dominate = { NUMBER($share, style: "percent", maximumFractionDigits: 0) } клиентов купили один раз и не вернулись.
audit-finding-early-cohort-churn = Во второй месяц возвращаются лишь { NUMBER($retention_m1, style: "percent", maximumFractionDigits: 0) } новых клиентов.
audit-finding-frequency-falling = Активные клиенты покупают реже: { NUMBER($change, style: "percent", maximumFractionDigits: 0) } к прошлому полугодию.
audit-finding-average-check-falling = Средний чек за полгода: { NUMBER($change, style: "percent", maximumFractionDigits: 0) } к прошлому полугодию.
audit-finding-seasonality = Выраженная сезонность: пик { $peak_month ->
    [1] в январе
    [2] в феврале
    [3] в марте
    [4] в апреле
    [5] в мае
    [6] в июне
    [7] в июле
    [8] в августе
    [9] в сентябре
    [10] в октябре
    [11] в ноябре
   *[12] в декабре
}.
audit-finding-outperforming-group = «{ $value }»: клиенты приносят в { NUMBER($multiple, maximumFractionDigits: 1) } раза больше среднего.
audit-finding-stale-contacts = { NUMBER($share, style: "percent", maximumFractionDigits: 0) } контактов не покупали больше { $months } мес.
audit-finding-duplicate-contacts = { $duplicates } { $duplicates ->
    [one] клиент
    [few] клиента
   *[many] клиентов
} с общим email или телефоном — дубли в базе.

## Wording by the shape of the business (diagnosis.shape): B2B and courses differ from retail.
advice-rec-raise-frequency-action-b2b = График поставок по договору для каждого клиента по его обычному циклу заказа; менеджер звонит за неделю до срока.
advice-rec-raise-frequency-step-b2b = Выписать клиентов, чей интервал между заказами вырос, и согласовать с первыми пятью график поставок.
advice-rec-raise-check-action-b2b = Пересмотр прайса и минимальной партии, расширение ассортимента для текущих клиентов, скидка за объём вместо скидки за заказ.
advice-rec-raise-check-step-b2b = Сравнить средний заказ пяти крупнейших клиентов год назад и сейчас и обсудить с каждым, что он стал брать у других.
advice-rec-second-purchase-action-b2b = После первой поставки — звонок менеджера: как прошла приёмка, что нужно к следующей поставке; коммерческое предложение на регулярные закупки.
advice-rec-second-purchase-step-b2b = Выписать клиентов с одной поставкой за последние полгода и позвонить первым десяти на этой неделе.
advice-rec-reactivate-churned-action-b2b = Звонок менеджера каждому клиенту, пропустившему свой обычный срок заказа: что изменилось, не нашёл ли другого поставщика, актуален ли прайс.
advice-rec-reactivate-churned-step-b2b = Выписать клиентов, пропустивших срок заказа за последние 3 мес., и позвонить самым крупным сегодня.
advice-rec-restart-acquisition-action-b2b = Вернуть поток новых клиентов: холодные звонки и письма по отраслевому списку, тендеры, рекомендации от текущих клиентов; считать новые договоры каждую неделю.
advice-rec-restart-acquisition-step-b2b = Выяснить, откуда пришли последние десять новых клиентов, и на этой неделе возобновить тот канал, что затих.
advice-rec-raise-frequency-action-courses = Предложение следующей программы или продления тем, кто заканчивает текущую; абонемент или подписка вместо разовой покупки.
advice-rec-raise-frequency-step-courses = Выписать тех, кто закончил программу за последние 3 мес., и отправить им предложение следующей ступени.
advice-rec-raise-check-action-courses = Тарифы: расширенный с разбором домашних заданий или наставником; пакет из двух программ дешевле, чем по отдельности.
advice-rec-raise-check-step-courses = Добавить в ближайший поток расширенный тариф и посчитать, какая доля учеников его выберет.
advice-rec-second-purchase-action-courses = В конце программы — предложение следующей ступени выпускникам в первые две недели, пока результат свежий.
advice-rec-second-purchase-step-courses = Собрать письмо выпускникам текущего потока с предложением следующей программы.
advice-rec-onboarding-action-courses = Первые дни после оплаты: приветствие, план обучения, напоминание о первом уроке; куратор пишет тем, кто не начал за неделю.
advice-rec-onboarding-step-courses = Написать приветственное письмо с планом обучения и включить его для всех новых учеников.
advice-rec-restart-acquisition-action-courses = Вернуть поток заявок: бесплатные уроки и вебинары, партнёрские эфиры; считать заявки и их конверсию в первую оплату каждую неделю.
advice-rec-restart-acquisition-step-courses = Сравнить источники заявок до и после спада и на этой неделе провести бесплатный урок в том, что выпал.

## The CLV forecast beside its holdout check (analytics/render/text/forecast.py).
report-forecast-title = Прогноз на 12 месяцев
forecast-year = За 12 мес. ожидается около { $purchases } { $purchases_n ->
    [one] покупки
   *[other] покупок
} на { $value } выручки (с дисконтированием { $discount } в месяц); из повторных покупателей, вероятно, ещё покупают { $alive }.
forecast-margin = При вашей марже { $share } это около { $value } маржи.
forecast-holdout = Проверка на прошлых данных: на последних { $months } мес. модель ошиблась на { $purchases } по числу покупок и на { $value } по выручке. Считайте прогноз осторожным.
