## Exports: customers table (CSV/XLSX) and the one-file audit report (PDF/HTML).

export-sheet-customers = Клиенты

export-col-customer_key = Ключ клиента
export-col-name = Имя
export-col-email = Email
export-col-phone = Телефон
export-col-city = Город
export-col-channel = Канал
export-col-main_category = Основная категория
export-col-rfm_segment = Сегмент
export-col-r = R
export-col-f = F
export-col-m = M
export-col-recency_days = Дней с последней покупки
export-col-frequency = Заказов
export-col-monetary = Выручка
export-col-avg_check = Средний чек
export-col-first_purchase = Первая покупка
export-col-last_purchase = Последняя покупка

export-segment-champions = Чемпионы
export-segment-loyal = Лояльные
export-segment-potential_loyalist = Потенциально лояльные
export-segment-new = Новые
export-segment-promising = Перспективные
export-segment-need_attention = Требуют внимания
export-segment-about_to_sleep = Засыпающие
export-segment-at_risk = В зоне риска
export-segment-cant_lose = Нельзя потерять
export-segment-hibernating = Спящие
export-segment-lost = Потерянные
export-segment-unscored = Без оценки

export-report-title = Аудит клиентской базы
export-report-subtitle = Файл { $file }, данные по { $as_of }
export-report-subtitle-nofile = Данные по { $as_of }

export-summary-heading = Данные
export-summary-rows = Строк прочитано: { $read }, использовано: { $used }
export-summary-customers = Клиентов: { $customers }
export-summary-orders = Заказов: { $orders }
export-summary-revenue = Выручка: { $revenue }
export-summary-period = Период: { $from } — { $to }
export-summary-excluded = Исключено строк: { $items }
export-summary-excluded-none = Исключённых строк нет
export-summary-shape-customers = Файл — список клиентов без отдельных заказов: помесячные показатели, когорты и отток по интервалам требуют выгрузки заказов.

export-excluded-cancelled = отменённые { $count }
export-excluded-refunded = возвраты { $count }
export-excluded-open = незавершённые { $count }
export-excluded-duplicate = дубли { $count }
export-excluded-totals_row = строки «Итого» { $count }
export-excluded-other = { $reason } { $count }

export-key-heading = Ключевые показатели
export-key-metric = Показатель
export-key-value = Значение
export-key-aov = Средний чек
export-key-repeat-rate = Доля повторных покупателей
export-key-orders-per-customer = Заказов на клиента
export-key-top20 = Доля выручки от топ-20 % клиентов
export-key-active-month = Покупали в последнем месяце ({ $month })
export-key-active-window = Активная база (покупка за последние { $days } дн.)
export-key-total-base = Вся база
export-key-churn-window = Окно оттока
export-key-churn-window-value = { $days } дн.
export-key-active-of-total = { $active } из { $total } ({ $share })

export-charts-heading = Графики

export-rfm-heading = RFM-сегменты
export-rfm-segment = Сегмент
export-rfm-customers = Клиентов
export-rfm-share = Доля базы
export-rfm-revenue = Выручка
export-rfm-revenue-share = Доля выручки
export-rfm-total = Итого
export-rfm-none = RFM-сегменты не посчитаны: в файле нет даты последней покупки, числа заказов или суммы покупок.
export-rfm-note = R — давность, F — частота, M — сумма покупок; оценки от 1 до 5. Таблица клиентов с сегментами — в файле customers.xlsx.
