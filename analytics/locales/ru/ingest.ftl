## Ingest errors: what is wrong and what to do, one line each.
ingest-error-empty = Файл пустой. Выгрузите таблицу заново и пришлите файл с данными.
ingest-error-not-found = Файл { $path } не найден. Проверьте путь к файлу.
ingest-error-not-spreadsheet = Это не таблица (внутри { $kind }). Пришлите выгрузку в CSV, XLSX, XLS или ODS.
ingest-error-encrypted = Книга защищена паролем. Снимите пароль в Excel (Файл → Сведения → Защита книги) и пришлите файл снова.
ingest-error-corrupt-workbook = Файл Excel повреждён или не дописан. Откройте его в Excel, сохраните заново как XLSX и пришлите снова.
ingest-error-too-big = Файл весит { $size_mb } МБ, а можно не больше { $limit_mb } МБ. Сохраните только нужные столбцы или выгрузите CSV за меньший период.
ingest-error-too-many-rows = В файле { $rows } строк, а можно не больше { $limit }. Выгрузите данные за меньший период.
ingest-error-too-many-columns = В таблице { $columns } столбцов, а можно не больше { $limit }. Уберите лишние столбцы при выгрузке.
ingest-error-line-too-long = В файле строка длиннее { $limit_kb } КБ — это не похоже на таблицу. Проверьте, что выгрузили CSV с переносами строк.
ingest-error-zip-bomb = Файл при распаковке становится огромным — такие книги не открываем из соображений безопасности. Сохраните данные заново в Excel как XLSX или CSV.
ingest-error-xml-entities = В книге есть XML-конструкции, которые мы не открываем из соображений безопасности. Сохраните данные заново в Excel как XLSX или CSV.
ingest-error-absurd-range = В листе заполнены ячейки на огромном диапазоне ({ $cells } ячеек). Скопируйте только таблицу с данными на новый лист и сохраните.
ingest-error-parser-crashed = Не удалось прочитать книгу: она устроена необычно. Сохраните данные как CSV (UTF-8) и пришлите снова.
ingest-error-text-parser-crashed = Не удалось разобрать этот текстовый файл: в нём встретилось то, чего разбор не ожидал. Выгрузите его заново или откройте в Excel или LibreOffice и сохраните как XLSX.
ingest-error-out-of-memory = Файл слишком тяжёлый для разбора. Выгрузите данные за меньший период или сохраните как CSV.
ingest-error-timeout = Разбор файла занял больше { $seconds } с. Выгрузите данные за меньший период или сохраните как CSV.
ingest-error-no-table = В файле не нашлось таблицы с данными. Проверьте, что выгрузили заказы или клиентов, а не отчёт-картинку.
ingest-error-no-rows = В таблице нет строк с данными — только заголовок. Выгрузите данные за период, где были заказы.
ingest-error-no-date-column = Не нашёл столбец с датой заказа. Добавьте дату в выгрузку или укажите столбец: --map order_date="Название столбца".
ingest-error-no-amount-column = Не нашёл столбец с суммой заказа. Добавьте сумму в выгрузку или укажите столбец: --map amount="Название столбца".
ingest-error-no-customer-column = Не нашёл, чем различать клиентов: нужен ID клиента, email, телефон или имя. Добавьте такой столбец в выгрузку.
ingest-error-no-valid-rows = Ни одной годной строки: у всех заказов нет даты, суммы или клиента, либо все они отменены. Проверьте фильтр выгрузки (нужны оплаченные заказы).
ingest-error-only-leads = Во всех строках с датой и клиентом сумма нулевая: это лиды (регистрации, бесплатные заказы), оплат в файле нет. Загрузите выгрузку, где есть оплаченные заказы.
ingest-error-only-returns = Во всех { $rows } строках суммы отрицательные: это выгрузка возвратов, а не продаж. Загрузите выгрузку заказов (оплаченных продаж), возвраты могут быть в ней же.
ingest-error-unknown-column = Столбца «{ $column }» для роли { $role } в файле нет. Есть: { $columns }.
ingest-error-unknown-role = Неизвестная роль «{ $role }». Возможные: { $roles }.
ingest-error-bad-mapping = Не понял «{ $item }»: укажите как роль=Столбец, например order_date=Дата (роль=- — не использовать столбец для этой роли).
ingest-error-amount-source-unavailable = Посчитать сумму так нельзя: для суммы нужен её столбец, для количества × цены — оба столбца. Укажите их через --map или выберите другой --amount-source.

## Data-quality summary
quality-title = Качество данных: { $file }
quality-shape-transactions = Тип файла: заказы (транзакции)
quality-shape-customers = Тип файла: список клиентов (без отдельных заказов)
quality-source = Формат: { $format }{ $details }
quality-rows = Строк прочитано: { $read }, использовано: { $used }
quality-dropped = Не вошло в расчёт:
quality-dropped-reason = • { $reason }: { $count }
quality-orders = Оплаченных заказов: { $orders }, клиентов: { $customers }
quality-leads = Лиды — строки с нулевой суммой (бесплатные уроки, регистрации, пробные заказы): { $rows }; из них так и не оплатили: { $people } чел. Они не входят ни в заказы, ни в выручку, ни в базу клиентов.
quality-customers = Клиентов: { $customers }, заказов по данным файла: { $orders }
quality-revenue = Выручка: { $revenue }
quality-period = Период: { $from } — { $to }
quality-key = Клиент определяется по: { $source }
quality-statuses = Статусы заказов: { $counts }
quality-no-status = Столбца со статусом нет: все заказы считаются оплаченными.
quality-contacts = Некорректных email: { $emails }, некорректных телефонов: { $phones }, клиентов без контактов: { $missing }
quality-stale = Не покупали больше { $months } мес.: { $count } клиентов ({ $share })
quality-duplicates = Точных дублей строк: { $rows }; клиентов с общим email или телефоном: { $customers }
quality-duplicates-dropped = Точные дубли исключены — строк: { $rows }, на сумму { $amount }. Если это настоящие повторные покупки в один день (в файле нет номеров заказов), оставьте их: --keep-duplicates.
quality-duplicates-kept = Точные дубли оставлены как покупки (--keep-duplicates) — строк: { $rows }, на сумму { $amount }.
quality-amount-quantity_x_price = Сумма строки посчитана как количество × цена.
quality-amount-unit_price = Количества в файле нет: сумма строки — цена из столбца «{ $price }» (одна штука в строке).
quality-amount-agrees = Сумма строки — из столбца «{ $amount }»: она равна количеству × цене в { $share } строк.
quality-amount-repeats_price = Сумма строки посчитана как количество × цена: столбец «{ $amount }» повторяет цену за штуку. Взять его как есть: --amount-source amount.
quality-amount-order_total = Сумма — итог заказа из столбца «{ $amount }» (с доставкой, налогами и скидками), а не количество × цена по строкам.
quality-amount-no_rows = Сумма строки — из столбца «{ $amount }».
quality-amount-unsure = Сумма строки — из столбца «{ $amount }», но она равна количеству × цене лишь в { $share } строк. Если «{ $amount }» — не сумма строки, задайте расчёт как количество × цена: --amount-source quantity_x_price.
quality-amount-explicit = Сумма строки по вашему выбору: { $source } (--amount-source).
amount-source-amount = столбец «{ $amount }»
amount-source-quantity_x_price = количество × цена
quality-mapping = Столбцы:
quality-mapping-row = • { $role }: «{ $column }» (уверенность { $confidence })
quality-unsure = Не уверен в столбцах: { $roles }. Проверьте и при необходимости укажите --map роль=Столбец.
quality-delimiter-spaces = столбцы выровнены пробелами
quality-warning-currency_assumed_rub = Валюта в файле не указана — считаю в рублях.
quality-warning-mixed_currencies = В файле несколько валют; в расчёт взята основная, остальные строки исключены.
quality-warning-ambiguous_day_month = В столбце «{ $detail }» нельзя однозначно понять, где день, а где месяц; принят обычный для формата порядок.
quality-warning-unknown_statuses = Незнакомые статусы считаются незавершёнными: { $detail }
quality-warning-outlier_amounts = Заказов больше медианного в 10 000 раз и более: { $detail }. Они учтены; проверьте, не попал ли в столбец суммы номер телефона или счёта.
quality-warning-status_not_payment = Ни в одной строке нет знакомого статуса оплаты: столбец «{ $detail }» — это этап или папка, а не статус оплаты. Все его строки считаются заказами, кроме явных отмен и возвратов. Не учитывать этот столбец: --map status=-

reason-valid = оплаченные и выполненные
reason-totals_row = строки «Итого»
reason-duplicate = точные дубли строк
reason-no_date = нет даты
reason-bad_date = дата не распознана или заглушка (до 1900 или после 2200 года)
reason-implausible_date = дата заказа до 1990 года или позже завтрашнего дня
reason-no_customer = нет клиента (ID, email, телефона или имени)
reason-no_amount = нет суммы
reason-zero_amount = нулевая сумма (бесплатные заказы, регистрации)
reason-lead = лиды (нулевая сумма: бесплатные уроки, регистрации)
reason-implausible_amount = сумма не похожа на деньги (больше 10¹² или не число)
reason-cancelled = отменённые
reason-refunded = возвраты
reason-open = незавершённые (не оплачены, в работе)
reason-adjustment = корректировки
reason-other_currency = в другой валюте
reason-document_subtotal = строки документов с подытогами
reason-duplicate_customer = повторы одного клиента

role-customer_id = ID клиента
role-email = email
role-phone = телефон
role-name = имя
role-company = компания
role-order_id = номер заказа
role-order_date = дата заказа
role-paid_date = дата оплаты
role-amount = сумма
role-currency = валюта
role-quantity = количество
role-unit_price = цена
role-status = статус
role-product = товар
role-category = категория
role-channel = источник
role-city = город
role-rating = оценка
role-refunded_amount = сумма возврата
role-orders_count = число заказов
role-total_spent = сумма покупок
role-first_purchase = первая покупка
role-last_purchase = последняя покупка
role-registration_date = дата регистрации
role-last_activity = последняя активность

## The chat's wordings of the lines above that name a command-line flag (the quality view
## has buttons instead)
quality-duplicates-dropped-chat = Точные дубли исключены — строк: { $rows }, на сумму { $amount }. Если это настоящие повторные покупки в один день, нажмите кнопку «Настоящие покупки — оставить» ниже.
quality-duplicates-kept-chat = Точные дубли оставлены как покупки, по вашему выбору — строк: { $rows }, на сумму { $amount }.
quality-amount-repeats_price-chat = Сумма строки посчитана как количество × цена: столбец «{ $amount }» повторяет цену за штуку. Если это не так, выберите его кнопкой ниже.
quality-amount-unsure-chat = Сумма строки — из столбца «{ $amount }», но она равна количеству × цене лишь в { $share } строк. Если «{ $amount }» — не сумма строки, нажмите «Количество × цена» ниже.
quality-amount-explicit-chat = Сумма строки по вашему выбору: { $source }.
quality-unsure-chat = Не уверен в столбцах: { $roles }. Проверьте их и при необходимости измените кнопками ниже.
quality-warning-status_not_payment-chat = Ни в одной строке нет знакомого статуса оплаты: столбец «{ $detail }» — это этап или папка, а не статус оплаты. Все его строки считаются заказами, кроме явных отмен и возвратов. Не учитывать его можно кнопкой ниже.
