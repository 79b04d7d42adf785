## Ingest errors: what is wrong and what to do, one line each.
ingest-error-empty = The file is empty. Export the table again and send a file with data.
ingest-error-not-found = File { $path } not found. Check the path.
ingest-error-not-spreadsheet = This is not a spreadsheet but { $kind }. Send the export as CSV, XLSX, XLS or ODS.
ingest-error-encrypted = The workbook is password-protected. Remove the password in Excel (File → Info → Protect Workbook) and send it again.
ingest-error-corrupt-workbook = The Excel file is damaged or incomplete. Open it in Excel, save it again as XLSX and send it again.
ingest-error-too-big = The file is { $size_mb } MB; the limit is { $limit_mb } MB. Keep only the columns you need or export a CSV for a shorter period.
ingest-error-too-many-rows = The file has { $rows } rows; the limit is { $limit }. Export a shorter period.
ingest-error-too-many-columns = The table has { $columns } columns; the limit is { $limit }. Drop unneeded columns from the export.
ingest-error-line-too-long = The file has a line longer than { $limit_kb } KB, which is not a table. Check that the CSV export has line breaks.
ingest-error-zip-bomb = The file expands to an enormous size, so it is not opened for safety. Save the data again from Excel as XLSX or CSV.
ingest-error-xml-entities = The workbook contains XML constructs that are not opened for safety. Save the data again from Excel as XLSX or CSV.
ingest-error-absurd-range = The sheet uses an enormous cell range ({ $cells } cells). Copy just the data table to a new sheet and save.
ingest-error-parser-crashed = The workbook could not be read: it is built in an unusual way. Save the data as CSV (UTF-8) and send it again.
ingest-error-text-parser-crashed = This text file could not be parsed: it holds something the reader did not expect. Export it again, or open it in Excel or LibreOffice and save it as XLSX.
ingest-error-out-of-memory = The file is too heavy to parse. Export a shorter period or save it as CSV.
ingest-error-timeout = Parsing took longer than { $seconds } s. Export a shorter period or save it as CSV.
ingest-error-no-table = No data table was found in the file. Check that you exported orders or customers, not a formatted report.
ingest-error-no-rows = The table has no data rows, only a header. Export a period that has orders.
ingest-error-no-date-column = No order date column was found. Add the date to the export or name the column: --map order_date="Column name".
ingest-error-no-amount-column = No order amount column was found. Add the amount to the export or name the column: --map amount="Column name".
ingest-error-no-customer-column = Nothing identifies customers: a customer id, email, phone or name is needed. Add such a column to the export.
ingest-error-no-valid-rows = No usable rows: every order lacks a date, an amount or a customer, or all are cancelled. Check the export filter (paid orders are needed).
ingest-error-only-leads = Every row with a date and a customer has a zero amount: these are leads (sign-ups, free orders), the file holds no payments. Upload an export that includes paid orders.
ingest-error-only-returns = All { $rows } rows have negative amounts: this is a returns export, not sales. Upload the orders (paid sales) export; returns may be in it too.
ingest-error-unknown-column = There is no column "{ $column }" for role { $role }. Columns: { $columns }.
ingest-error-unknown-role = Unknown role "{ $role }". Known roles: { $roles }.
ingest-error-bad-mapping = Could not read "{ $item }": write role=Column, e.g. order_date=Date (role=- leaves the role without a column).
ingest-error-amount-source-unavailable = The amount cannot be computed that way: an amount needs its column, quantity × price needs both. Name them with --map or choose another --amount-source.

## Data-quality summary
quality-title = Data quality: { $file }
quality-shape-transactions = File type: orders (transactions)
quality-shape-customers = File type: customer list (no individual orders)
quality-source = Format: { $format }{ $details }
quality-rows = Rows read: { $read }, used: { $used }
quality-dropped = Not counted:
quality-dropped-reason = • { $reason }: { $count }
quality-orders = Paid orders: { $orders }, customers: { $customers }
quality-leads = Leads — rows of zero amount (free lessons, sign-ups, trial orders): { $rows }; people who never paid: { $people }. They count neither as orders, nor as revenue, nor in the customer base.
quality-customers = Customers: { $customers }, orders according to the file: { $orders }
quality-revenue = Revenue: { $revenue }
quality-period = Period: { $from } — { $to }
quality-key = Customers are identified by: { $source }
quality-statuses = Order statuses: { $counts }
quality-no-status = No status column: every order counts as paid.
quality-contacts = Invalid emails: { $emails }, invalid phones: { $phones }, customers without contacts: { $missing }
quality-stale = No purchase for over { $months } months: { $count } customers ({ $share })
quality-duplicates = Exact duplicate rows: { $rows }; customers sharing an email or phone: { $customers }
quality-duplicates-dropped = Exact duplicates excluded — rows: { $rows }, worth { $amount }. If they are real repeat purchases on one day (the file has no order ids), keep them: --keep-duplicates.
quality-duplicates-kept = Exact duplicates kept as purchases (--keep-duplicates) — rows: { $rows }, worth { $amount }.
quality-amount-quantity_x_price = Line amounts computed as quantity × price.
quality-amount-unit_price = The file has no quantity: each line's amount is the price in "{ $price }" (one item a line).
quality-amount-agrees = Line amounts from the column "{ $amount }": it equals quantity × price on { $share } of rows.
quality-amount-repeats_price = Line amounts computed as quantity × price: the column "{ $amount }" repeats the unit price. To take it as it is: --amount-source amount.
quality-amount-order_total = The money is the order total in "{ $amount }" (shipping, tax and discounts included), not quantity × price of its lines.
quality-amount-no_rows = Line amounts from the column "{ $amount }".
quality-amount-unsure = Line amounts from the column "{ $amount }", but it equals quantity × price on only { $share } of rows. If "{ $amount }" is not the line's money, compute it as quantity × price: --amount-source quantity_x_price.
quality-amount-explicit = Line amounts as you chose: { $source } (--amount-source).
amount-source-amount = the column "{ $amount }"
amount-source-quantity_x_price = quantity × price
quality-mapping = Columns:
quality-mapping-row = • { $role }: "{ $column }" (confidence { $confidence })
quality-unsure = Unsure about columns: { $roles }. Check them and use --map role=Column if needed.
quality-delimiter-spaces = columns aligned with spaces
quality-warning-currency_assumed_rub = The file names no currency; amounts are taken as roubles.
quality-warning-mixed_currencies = The file has several currencies; the main one is used and other rows are excluded.
quality-warning-ambiguous_day_month = Column "{ $detail }" does not show which part is the day and which the month; the usual order for its format was used.
quality-warning-unknown_statuses = Unknown statuses count as not completed: { $detail }
quality-warning-outlier_amounts = Orders at least 10,000 times the median order: { $detail }. They are counted; check that no phone or account number got into the amount column.
quality-warning-status_not_payment = No row has a payment status the audit knows: the column "{ $detail }" is a stage or a folder, not a payment status. All its rows count as orders except explicit cancellations and refunds. To leave the column out: --map status=-

reason-valid = paid or completed
reason-totals_row = "Total" rows
reason-duplicate = exact duplicate rows
reason-no_date = no date
reason-bad_date = unreadable date or a placeholder (before 1900 or after 2200)
reason-implausible_date = order date before 1990 or after tomorrow
reason-no_customer = no customer (id, email, phone or name)
reason-no_amount = no amount
reason-zero_amount = zero amount (free orders, sign-ups)
reason-lead = leads (zero amount: free lessons, sign-ups)
reason-implausible_amount = amount that is not money (over 10¹² or not a number)
reason-cancelled = cancelled
reason-refunded = refunded
reason-open = not completed (unpaid, in progress)
reason-adjustment = adjustments
reason-other_currency = in another currency
reason-document_subtotal = document rows with subtotals
reason-duplicate_customer = repeated customer rows

role-customer_id = customer id
role-email = email
role-phone = phone
role-name = name
role-company = company
role-order_id = order id
role-order_date = order date
role-paid_date = payment date
role-amount = amount
role-currency = currency
role-quantity = quantity
role-unit_price = unit price
role-status = status
role-product = product
role-category = category
role-channel = source
role-city = city
role-rating = rating
role-refunded_amount = refunded amount
role-orders_count = orders count
role-total_spent = total spent
role-first_purchase = first purchase
role-last_purchase = last purchase
role-registration_date = registration date
role-last_activity = last activity

## The chat's wordings of the lines above that name a command-line flag (the quality view
## has buttons instead)
quality-duplicates-dropped-chat = Exact duplicates excluded — rows: { $rows }, worth { $amount }. If they are real repeat purchases on one day, press "Real purchases — keep" below.
quality-duplicates-kept-chat = Exact duplicates kept as purchases, as you chose — rows: { $rows }, worth { $amount }.
quality-amount-repeats_price-chat = Line amounts computed as quantity × price: the column "{ $amount }" repeats the unit price. If it does not, choose it with the button below.
quality-amount-unsure-chat = Line amounts from the column "{ $amount }", but it equals quantity × price on only { $share } of rows. If "{ $amount }" is not the line's money, press "Quantity × price" below.
quality-amount-explicit-chat = Line amounts as you chose: { $source }.
quality-unsure-chat = Unsure about columns: { $roles }. Check them and change them with the buttons below if needed.
quality-warning-status_not_payment-chat = No row has a payment status the audit knows: the column "{ $detail }" is a stage or a folder, not a payment status. All its rows count as orders except explicit cancellations and refunds. The button below leaves the column out.
