## The diagnosis at the head of the summary (analytics/render/text/diagnosis.py).

diag-period-year_on_year = over the last 12 months against the 12 before
diag-period-same_months_last_year = over { $from } — { $to } against the same months a year earlier
diag-period-consecutive = over the last { $months } months against the { $months } before (season not removed)

diag-since = , since { $month }
diag-month-gen-1 = January { $year }
diag-month-gen-2 = February { $year }
diag-month-gen-3 = March { $year }
diag-month-gen-4 = April { $year }
diag-month-gen-5 = May { $year }
diag-month-gen-6 = June { $year }
diag-month-gen-7 = July { $year }
diag-month-gen-8 = August { $year }
diag-month-gen-9 = September { $year }
diag-month-gen-10 = October { $year }
diag-month-gen-11 = November { $year }
diag-month-gen-12 = December { $year }

diag-factor-new_customers = fewer new customers
diag-factor-orders_per_new = new customers buying again less often
diag-factor-new_check = a lower check of new customers
diag-factor-retention = fewer returning customers
diag-factor-frequency = returning customers buying less often
diag-factor-returning_check = a lower check of returning customers

diag-lever-new_customers = the inflow of new customers
diag-lever-new_check = the check of new customers
diag-lever-retention = the return of the base's customers
diag-lever-frequency = how often returning customers buy
diag-lever-returning_check = the check of returning customers

diag-head-fell = Revenue { $period }: { $change }. Of what pulled it down, { $share } ({ $value }) is { $factor }{ $since }.
diag-head-potential = Revenue { $period }: { $change }; no lever fell. The most would come from { $lever }: back at the level of earlier periods it adds { $value } over the same time.
diag-head-steady = Revenue { $period }: { $change }; no lever fell below its earlier level.

diag-growth-growing = The business grows: { $growth } a year ({ $basis }).
diag-growth-flat = Revenue is flat: { $growth } a year ({ $basis }).
diag-growth-declining = The business shrinks: { $growth } a year ({ $basis }).
diag-growth-growing-said = The business grows.
diag-growth-flat-said = Revenue is flat.
diag-growth-declining-said = The business shrinks.
diag-basis-last_12_vs_previous_12 = the last 12 months against the 12 before
diag-basis-log_slope = from the slope of monthly revenue

diag-season-confirmed = Seasonality confirmed (it repeats over at least two years): peaks { $peaks }.
diag-season-possible = Possible seasonality (under three years of data); not valued in money.

diag-acquisition-stopped = New customers have stopped coming: { $new } in the last 6 months against a base of { $base }. The base is not replenished, which is dangerous whatever the retention.
diag-leads = Leads (free orders, sign-ups): { $conversion } make a first payment within { $days } days (months whose window has closed).
diag-no-leads = Acquisition (UA) and conversion to a first purchase (C1) cannot be measured from this file: it holds no leads. An export of requests or sign-ups would give them.

diag-silent = Large customers gone silent (for more than 2.5 of their usual gaps): { $accounts }.
diag-silent-account = { $name } — { $revenue } in 12 months, last order { $date }

diag-thin = Thin data ({ $customers } { $customers_n ->
    [one] customer
   *[other] customers
} over { $months } months): the conclusions are preliminary.
diag-too-little = Too little data ({ $customers } { $customers_n ->
    [one] customer
   *[other] customers
} over { $months } months): the conclusions are preliminary and steps get no money estimates.
