## Findings, recommendations, playbooks, comparison (analytics/advice) and the text
## renderings of a report (analytics/report/text.py). Arguments are formatted by the caller
## (analytics/formatting.py); "$x_n" is the raw number of "$x", for plurals and selectors.
## audit-finding-* are read by the intake brief with raw numbers (see the end of the file).

## Findings

advice-month-in-1 = in January
advice-month-in-2 = in February
advice-month-in-3 = in March
advice-month-in-4 = in April
advice-month-in-5 = in May
advice-month-in-6 = in June
advice-month-in-7 = in July
advice-month-in-8 = in August
advice-month-in-9 = in September
advice-month-in-10 = in October
advice-month-in-11 = in November
advice-month-in-12 = in December


advice-finding-active-base-shrinking = Over { $months } months ({ $month_from } → { $month_to }) the total base grew from { $total_from } to { $total_to } while the active base fell from { $active_from } to { $active_to } (−{ $active_change }): { $churned } { $churned_n ->
    [one] customer
   *[other] customers
} churned, { $new } new arrived. Conversion on the total base { $conversion_total_base_from } → { $conversion_total_base_to }, on the active base { $conversion_active_base_from } → { $conversion_active_base_to }: conversion is fairer on the active base, the total base includes those long gone.
advice-finding-win-back-segments-large = At risk and Can't lose hold { $customers } { $customers_n ->
    [one] customer
   *[other] customers
} ({ $share } of the base): they used to buy often and brought { $revenue } ({ $revenue_share } of revenue), and have stopped.
advice-finding-revenue-concentrated = { $top_share } of revenue comes from { $top_customers } { $top_customers_n ->
    [one] customer
   *[other] customers
}, the best 20% of the base. { $core_customers_n ->
    [0] Losing a few of them would hit revenue hard.
   *[other] Champions and Loyal ({ $core_customers }) bring { $core_revenue_share } of revenue: losing them would hurt more than any ad could make up.
}
advice-finding-one-time-buyers-dominate = { $one_time } of { $customers } { $customers_n ->
    [one] customer
   *[other] customers
} ({ $share }) bought once and never came back.
advice-finding-early-cohort-churn = Only { $retention_m1 } of new customers buy again in the month after their first purchase, although the usual gap between purchases is { $median_gap_days } days: newcomers are lost right after the first purchase.
advice-finding-frequency-falling = Active customers buy less often: { $frequency_before } → { $frequency_recent } orders a month per customer (−{ $change }), the last { $months } months against the { $months } before.
advice-finding-average-check-falling = The average check fell from { $aov_before } to { $aov_recent } (−{ $change }): the last { $months } months against the { $months } before.
advice-finding-seasonality = Seasonality: { $peak_month_in } revenue is { $peak_index } times an average month, { $low_month_in } only { $low_index } of it; both of the last two years.
advice-finding-outperforming-group = { $dimension_n ->
    [city] City
    [channel] Channel
   *[main_category] Category
} “{ $value }”: { $customers } { $customers_n ->
    [one] customer
   *[other] customers
} bring { $revenue_per_customer } each on average against { $base_revenue_per_customer } across the base (×{ $multiple }).
advice-finding-stale-contacts = { $stale } { $stale_n ->
    [one] customer
   *[other] customers
} ({ $share } of the base) have not bought for over { $months } months: conversion and reach computed on the whole base mislead.
advice-finding-duplicate-contacts = { $duplicates } { $duplicates_n ->
    [one] customer
   *[other] customers
} ({ $share } of the base) share an email or phone with another record; exact duplicate rows: { $duplicate_rows }.

advice-finding-name-active-base-shrinking = active base shrinking
advice-finding-name-win-back-segments-large = many customers at risk
advice-finding-name-revenue-concentrated = revenue rests on a few
advice-finding-name-one-time-buyers-dominate = many one-time buyers
advice-finding-name-early-cohort-churn = newcomers do not return
advice-finding-name-frequency-falling = buying less often
advice-finding-name-average-check-falling = average check falling
advice-finding-name-seasonality = seasonality
advice-finding-name-outperforming-group = a strong customer group
advice-finding-name-stale-contacts = stale contacts
advice-finding-name-duplicate-contacts = duplicate customers
advice-finding-acquisition-falling = Fewer new customers: { $new_before } → { $new_recent } over comparable periods of { $months } months (−{ $change }).
advice-finding-name-acquisition-falling = fewer new customers
advice-finding-key-accounts-silent = Large customers gone silent ({ $accounts }): { $names }. In the last 12 months they brought { $revenue_12m } ({ $revenue_share } of revenue) and have been silent for more than 2.5 of their usual gaps between purchases.
advice-finding-name-key-accounts-silent = large customers gone silent

advice-computed-on-active-base-monthly = Computed on the monthly active base: active means a purchase within the churn window
advice-computed-on-customers-with-purchases = Computed on customers with paid orders
advice-computed-on-rfm-segments = Computed on the RFM segments
advice-computed-on-cohorts-by-first-purchase-month = Computed on cohorts by month of first purchase, small and young ones left out
advice-computed-on-valid-orders-monthly = Computed on paid orders by month
advice-computed-on-customers = Computed on the group's customers and the whole base
advice-computed-on-quality = Computed by the data-quality check
advice-computed-on-new-customers-by-window = Computed on the new customers of comparable periods: new is whoever made a first purchase in the period
advice-computed-on-own-purchase-rhythm = Computed on each customer's rhythm: the median gap between his purchases


## Recommendations (HADI: hypothesis, action, data to watch)

advice-rec-unvalued-hypothesis = If we take the step “{ $title }” for “{ $target }”, “{ $watch }” improves; this data does not allow a money estimate.

advice-rec-reactivate-churned-title = Bring back those who recently left the active base
advice-rec-reactivate-churned-hypothesis = If everyone who left the active base in the last 3 months ({ $x_customers }) gets a reminder series with a reason to return, { $x_rate } come back: the active base stops melting, { $gain }.
advice-rec-reactivate-churned-action = An automatic email or message on the day a customer passes the churn window, two more a week and two weeks later: what is new and his favourite category, no discounts.
advice-rec-reactivate-churned-step = Export from customers.xlsx the customers whose last purchase was 3-6 months ago and send them the first email this week.

advice-rec-win-back-title = A personal offer to At risk and Can't lose
advice-rec-win-back-hypothesis = If At risk and Can't lose customers ({ $x_customers }) get a personal offer, { $x_rate } come back: { $gain }.
advice-rec-win-back-action = A personal message or call from the owner or a manager: ask why they stopped buying and offer what they used to buy on personal terms (delivery, a selection, convenient payment) rather than a discount, which would eat the effect.
advice-rec-win-back-step = Filter Can't lose and At risk in customers.xlsx, start with the biggest spenders and write to the first ten today.

advice-rec-protect-core-title = A programme for the best customers
advice-rec-protect-core-hypothesis = If Champions and Loyal ({ $x_customers }) get an insiders' programme — early access, a personal contact, a referral bonus — we keep { $x_kept } of those who would otherwise lapse within a year ({ $x_leave_rate } of them): { $gain }.
advice-rec-protect-core-action = A short list of the best customers with a personal manager; once a month early access to what is new and a request to recommend friends, no discounts: they buy anyway.
advice-rec-protect-core-step = Export Champions and Loyal from customers.xlsx and personally thank the top twenty by spend.

advice-rec-second-purchase-title = A second-purchase programme
advice-rec-second-purchase-hypothesis = If one-time buyers ({ $x_customers } { $x_customers_n ->
    [one] customer
   *[other] customers
}: { $target }) get a reason for a second purchase, { $x_rate } buy again: the repeat rate grows, { $gain }.
advice-rec-second-purchase-action = A week after the first purchase, an email with what people usually buy next; three weeks later, a reminder with a selection for the first purchase.
advice-rec-second-purchase-step = Look up what is most often bought as the second order and build the first email from it.

advice-rec-onboarding-title = Onboarding for new customers in their first 30 days
advice-rec-onboarding-hypothesis = If new customers (about { $x_customers } a year) get an onboarding series in their first 30 days, { $x_rate } more of them come back in the second month: { $gain }.
advice-rec-onboarding-action = Three touches after the first purchase: how to get the most of it, what goes with it; a month later, ask whether all was well.
advice-rec-onboarding-step = Write the first welcome email and switch it on for everyone buying for the first time from next week.

advice-rec-raise-frequency-title = Restore the purchase frequency of active customers
advice-rec-raise-frequency-hypothesis = If active customers ({ $x_customers }) are reminded to buy at their usual interval, frequency wins back half of its fall: { $gain }.
advice-rec-raise-frequency-action = Repeat-purchase reminders at each customer's interval (consumables, subscriptions, "time to refill"), an offer of regular delivery.
advice-rec-raise-frequency-step = Find 3-5 products people buy again and set up the first reminder for them.

advice-rec-raise-check-title = Restore the average check
advice-rec-raise-check-hypothesis = If we offer bundles and set the free-delivery threshold just above the current average check, the check wins back half of its fall ({ $x_check_drop } per order): { $gain }.
advice-rec-raise-check-action = Bundles of products often bought together, cross-sell in the cart, a free-delivery threshold 10-20% above the average check.
advice-rec-raise-check-step = Pick the five product pairs most often bought together and show them in the cart.

advice-rec-prepare-peak-title = Prepare for the seasonal peak
advice-rec-prepare-peak-hypothesis = If we prepare for the peak early — stock, an offer, a mailing to the base 3-4 weeks ahead — revenue { $peak_month_in } grows by { $x_lift }: { $gain }.
advice-rec-prepare-peak-action = A plan for the peak month: stock of best-sellers, an offer for the base, ads launched 3-4 weeks ahead, a reminder to last season's buyers.
advice-rec-prepare-peak-step = Export the customers who bought { $peak_month_in } last year and schedule a mailing to them a month before the peak.

advice-rec-double-down-title = Double down on what works best
advice-rec-double-down-hypothesis = If { $x_rate } of next year's new customers (about { $x_customers }) come through { $dimension_name } “{ $value }”, each brings { $x_value } more than average: { $gain }.
advice-rec-double-down-action = Move acquisition budget and attention towards “{ $value }”: more ads where such customers come from, and this group's offer to the others.
advice-rec-double-down-step = Compare the cost of acquiring a customer in “{ $value }” and elsewhere, and move 10% of the budget next month.

advice-rec-clean-base-title = Clean stale contacts out of the base
advice-rec-clean-base-hypothesis = If the { $stale } { $stale_n ->
    [one] customer
   *[other] customers
} who have not bought for over { $months } months go into a separate segment, conversion and reach become honest and mailings cheaper.
advice-rec-clean-base-action = Compute conversion and reach on the active base; stale contacts get one last reactivation attempt, then leave the regular mailings.
advice-rec-clean-base-step = Mark in the CRM everyone who has not bought for over { $months } months and leave them out of the next regular mailing.

advice-rec-merge-duplicates-title = Merge duplicate customers
advice-rec-merge-duplicates-hypothesis = If the { $duplicates } { $duplicates_n ->
    [one] customer
   *[other] customers
} sharing an email or phone are merged, each has one history and the right segment, and nobody gets a mailing twice.
advice-rec-merge-duplicates-action = Merge records with the same email or phone in the CRM and turn on the duplicate check when a customer is created.
advice-rec-merge-duplicates-step = Find the records sharing a phone number in the CRM and merge the first of them today.
advice-rec-restart-acquisition-title = Bring back the inflow of new customers
advice-rec-restart-acquisition-hypothesis = If half of the lost inflow comes back ({ $x_customers } new customers a year): { $gain }.
advice-rec-restart-acquisition-action = Find which source stopped bringing customers (ads, a partner, a marketplace, word of mouth) and restart it; count new customers every week.
advice-rec-restart-acquisition-step = Compare the sources of new customers before and after the fall and restart the one that dropped out this week.
advice-rec-call-key-accounts-title = Call the large customers who went silent
advice-rec-call-key-accounts-hypothesis = If half of the silent large customers ({ $x_customers }) come back: { $gain }.
advice-rec-call-key-accounts-action = A personal call to each: what changed, did they go to a competitor; a review of the price list, the contract or the payment terms.
advice-rec-call-key-accounts-step = Call the largest of the silent customers today (they are named in the main section).

advice-growth-UA = acquisition (UA)
advice-growth-C1 = conversion to purchase (C1)
advice-growth-AOV = average check (AOV)
advice-growth-APC = repeat purchases (APC)
advice-growth-COGS = cost of goods (COGS)
advice-growth-churn = churn

advice-watch-total-base = total base
advice-watch-new-customers = new customers a month
advice-watch-active-base = active base
advice-watch-churn-rate = monthly churn
advice-watch-reactivated = customers returning per month
advice-watch-revenue-3m = revenue over 3 months
advice-watch-aov = average check over 3 months
advice-watch-frequency = orders a month per active customer
advice-watch-repeat-rate = repeat-buyer share
advice-watch-core-customers = number of Champions and Loyal
advice-watch-retention-m1 = newcomers buying in their second month
advice-watch-peak-revenue = peak-month revenue
advice-watch-group-share = the group's share of the base
advice-watch-stale-share = stale-contact share
advice-watch-duplicate-share = duplicate share
advice-watch-now = { $name } (now { $value })

advice-effect-value = +{ $effect } of { $basis } in 12 months (from { $low } to { $high })
advice-effect-with-formula = { $head }: { $formula }. { $source }
advice-effect-unknown = this data does not allow a money estimate
advice-effect-none = not valued in money: this is base hygiene, without it the other figures lie
advice-effect-reach = { $x_customers } × { $x_rate } × check { $x_check } × { $x_orders } { $x_orders_n ->
    [one] order
   *[other] orders
}
advice-effect-keep = { $x_customers } × { $x_leave_rate } lapsing within a year × { $x_kept } kept (assumed) × check { $x_check } × { $x_orders } orders a year
advice-effect-frequency = { $x_customers } active × { $x_frequency_drop } orders a month × { $x_months } months × { $x_recovery } × check { $x_check }
advice-effect-accounts = { $x_customers } × { $x_rate } × a customer's revenue of 12 months { $x_revenue }
advice-effect-check = { $x_orders } orders × { $x_check_drop } × { $x_recovery }
advice-effect-peak = peak-month revenue { $x_revenue } × { $x_lift }
advice-effect-shift = { $x_customers } new × { $x_rate } × { $x_value }
advice-effect-terms = { $formula } × discount { $x_discount }{ $margin } = { $product }
advice-effect-margin = {" "}× margin { $x_margin }
advice-effect-capped = { $arithmetic }, capped at { $cap }: { $cap_basis }
advice-cap-active-revenue-12m = half of what these customers brought in the last 12 months
advice-cap-one-order-each = one order from each of them
advice-cap-whole-loss = the whole lost inflow
advice-cap-all-steered = all new customers steered
advice-cap-their-revenue-12m = their revenue of the last 12 months
advice-basis-revenue = revenue
advice-basis-margin = margin
advice-source-history = The rate { $rate } is the base's own, over 12 months.
advice-source-default = The rate { $rate } is a cautious assumption: too little history of its own.
advice-source-assumption = The rate { $rate } is an assumption; if you know yours, use it.
advice-gain = +{ $effect } of { $basis } in 12 months
advice-plan-total = Steps aimed at different customers: together about { $value } of { $basis } in 12 months (from { $low } to { $high }).
advice-overlaps = Aimed at the same customers as “{ $titles }”: do not add them up.

advice-why = { $text } { $base }.

advice-lead-hypothesis = Hypothesis
advice-lead-action = Action
advice-lead-step = First step
advice-lead-watch = Watch
advice-lead-growth = Growth metric
advice-lead-effect = Effect
advice-lead-why = Why

advice-target-one-time-open = one-time buyers whose churn window is still open
advice-target-churned-recently = left the active base in the last 3 months
advice-target-active-base = active base
advice-target-top-customers = the best 20% of customers
advice-target-all = whole base
advice-target-stale = stale contacts
advice-target-duplicates = duplicates
advice-target-one-time-buyers = one-time buyers
advice-target-city = the city
advice-target-channel = the channel
advice-target-main-category = the category
advice-target-new-customers = new customers
advice-target-key-accounts = silent large customers

## Playbooks

advice-playbook = → { $offer }; { $channel }; { $cadence }

advice-offer-referral-early-access = early access to what is new and a referral bonus, no discounts
advice-offer-loyalty-upsell = loyalty-programme bonuses and a step up from their usual products
advice-offer-cross-sell = products from a neighbouring category
advice-offer-welcome-series = onboarding: how to use it, what goes with it, a second-purchase bonus
advice-offer-second-purchase-bonus = a second-purchase bonus with a deadline
advice-offer-personal-recommendation = a personal selection from past purchases for a limited time
advice-offer-reminder-bestsellers = a reminder and best-sellers, a small bonus
advice-offer-win-back-offer = a personal offer to come back on personal terms, not a discount
advice-offer-personal-call = a personal call: ask what happened and offer the best
advice-offer-seasonal-sale = seasonal sales only
advice-offer-last-attempt = one last attempt to return, then leave them out of mailings

advice-channel-messenger = messenger, personally
advice-channel-email-messenger = email and messenger
advice-channel-email = email
advice-channel-email-sms = email and SMS
advice-channel-phone = phone

advice-cadence-monthly = once a month
advice-cadence-biweekly = every two weeks
advice-cadence-welcome-30d = a series of 3 emails in the first 30 days
advice-cadence-weekly-month = weekly for a month
advice-cadence-two-touches = two touches two weeks apart
advice-cadence-series-3 = a series of 3 emails, stop after a purchase
advice-cadence-once-personal = once, personally
advice-cadence-quarterly = once a quarter
advice-cadence-once-then-suppress = once, then leave them alone

## Comparison with the previous audit

advice-compare-periods = Previous audit: data up to { $old }; this one: up to { $new }.
advice-compare-warning-old-is-newer = Note: the "previous" report is newer than the current one; check the order of the files.
advice-compare-warning-different-currency = Note: the reports use different currencies; money figures are not comparable.
advice-compare-warning-different-shape = Note: the reports come from files of different kinds (orders and a customer list).
advice-compare-warning-few-common-customers = Note: these reports have almost no customers in common; they look like data of two different businesses. A comparison makes sense between exports of one base.
advice-compare-warning-unlike-business = Note: these look like data of two different businesses: the size of the base, the period or the currency differ. A comparison makes sense between exports of one base.
advice-compare-top = The previous audit's top step, “{ $title }”: { $line }
advice-compare-line = { $name }: { $old } → { $new } ({ $change }), { $verdict }
advice-compare-verdict-better = better
advice-compare-verdict-worse = worse
advice-compare-verdict-flat = unchanged
advice-compare-verdict-unknown = not comparable
advice-compare-metrics = Figures
advice-compare-segments = RFM segment sizes
advice-compare-findings = Findings
advice-compare-findings-resolved = resolved: { $items }
advice-compare-findings-persisting = still there: { $items }
advice-compare-findings-new = new: { $items }
advice-compare-error-not-found = No previous report at { $path }: give the report.json of the previous audit.
advice-compare-error-not-json = { $path } is not JSON: give the report.json the previous audit wrote (--out).
advice-compare-error-not-report = { $path } has no report sections (data, metrics): give the report.json of a previous audit.

## Text renderings (CLI summary.txt, the bot)

report-summary-title-undated = Customer-base audit: { $file }
report-summary-title = Customer-base audit: { $file }, data up to { $date }
report-five-title = Five numbers that matter
report-five-revenue-undated = Revenue (from the customer list): { $revenue }
report-five-revenue = Revenue { $from } — { $to }: { $revenue }
report-five-revenue-missing = Revenue: not in this file, which has neither orders nor totals spent per customer. Send an orders export (or a customer list with totals spent).
report-five-base = Base: { $total } { $total_n ->
    [one] customer
   *[other] customers
} in total, { $active } active ({ $share }) — bought within the last { $days } days
report-five-base-list = Base: { $total } { $total_n ->
    [one] customer
   *[other] customers
} (a customer list has no monthly history, so no monthly active base)
report-five-aov = Average check: { $aov }
report-five-apc = Orders per customer: { $apc }; repeat buyers: { $repeat }
report-five-churn = Churn: { $churn } of the active base a month (average of 3 months)
report-five-churn-unknown = Churn: needs an orders file with dates
report-main-title = The main thing
report-no-purchases = The file has no purchases, so there are no conclusions about revenue, churn or segments. The audit needs an orders export (date, customer, amount) or a customer list with totals spent and last purchase dates.
report-no-findings = The rules found no clear problem: the base behaves evenly. Audit again in a month and compare (--compare).
report-no-findings-chat = The rules found no clear problem: the base behaves evenly. Send a new export in a month and I will compare it with this one.
report-lever = Growth lever now: { $metric }.
report-top-title = The main steps, each for different customers
report-top-item = { $rank }. { $title }: { $effect }
report-top-line = { $title }: { $effect }
report-more = …and { $count } more — all in report.pdf
report-recs-title = Next growth steps, by expected effect in money
report-rec-heading = { $rank }. { $title }
report-lead = { $lead }: { $text }
report-segments-title = RFM segments and what to do with them
report-segments-none = RFM segments not computed: the file has no last purchase date, orders count or total spent.
report-segment-line = { $name }: { $customers } { $customers_n ->
    [one] customer
   *[other] customers
} ({ $share }), revenue { $revenue } ({ $revenue_share })
report-cohorts-title = Cohorts: how many customers come back
report-cohorts-none = No cohorts: they need an orders file with dates.
report-cohorts-average = On average buying again after 1 month: { $m1 }, after 3 months: { $m3 }, after 6 months: { $m6 }.
report-cohort-line = { $cohort }: { $customers } { $customers_n ->
    [one] customer
   *[other] customers
}; 1 month: { $m1 }, 3 months: { $m3 }, 6 months: { $m6 }
report-cohorts-note = A cohort is the customers who first bought in that month; the share is who of them bought in the N-th month after the first.
report-clusters-title = Customer clusters
report-cluster-line = { $number }. { $size } { $size_n ->
    [one] customer
   *[other] customers
} ({ $share }), { $revenue_share } of revenue: { $description }
report-clusters-status-too-few-customers = No clusters: too few customers.
report-clusters-status-no-variation = No clusters: customers hardly differ in behaviour.
report-clusters-status-missing = Clusters need an orders file.
report-clv-title = Expected value of the base (CLV)
report-clv-horizon = Over { $days } days: about { $purchases } purchases worth { $value } of revenue ({ $per_customer } per customer on average)
report-clv-note = BG/NBD and Gamma-Gamma models fitted on the history of { $repeat } repeat buyers, discounted at { $discount } a month.
report-clv-status-too-few-repeat-buyers = No forecast: too few repeat buyers.
report-clv-status-too-short-period = No forecast: the data covers too short a period.
report-clv-status-did-not-converge = No forecast: the model did not converge on this data.
report-clv-status-missing = The forecast needs an orders file.
report-comparison-title = What changed since the previous audit
report-comparison-none = No comparison: run the audit with --compare PREVIOUS/report.json.
report-comparison-none-chat = There is nothing to compare with yet: send an export again later and I will show what changed.
report-findings-heading = Findings
report-recs-heading = Next growth steps
report-playbooks-heading = What to do with each segment

## Read by the intake brief (analytics/toolkit/brief.py) with the raw evidence numbers.

audit-finding-acquisition-falling = Fewer new customers: { $new_before } → { $new_recent } over comparable periods.
audit-finding-key-accounts-silent = Large customers went silent: { $names }.
audit-finding-active-base-shrinking = The total base grows ({ $total_from } → { $total_to }) while the active base shrinks ({ $active_from } → { $active_to }): customers leave faster than they come.
audit-finding-win-back-segments-large = { $customers } { $customers ->
    [one] customer
   *[other] customers
} in At risk and Can't lose, { NUMBER($revenue_share, style: "percent", maximumFractionDigits: 0) } of revenue: time to win them back.
audit-finding-revenue-concentrated = The best 20% of customers bring { NUMBER($top_share, style: "percent", maximumFractionDigits: 0) } of revenue.
audit-finding-one-time-buyers-dominate = { NUMBER($share, style: "percent", maximumFractionDigits: 0) } of customers bought once and never came back.
audit-finding-early-cohort-churn = Only { NUMBER($retention_m1, style: "percent", maximumFractionDigits: 0) } of new customers come back in their second month.
audit-finding-frequency-falling = Active customers buy less often: { NUMBER($change, style: "percent", maximumFractionDigits: 0) } against the previous half-year.
audit-finding-average-check-falling = Average check over the half-year: { NUMBER($change, style: "percent", maximumFractionDigits: 0) } against the previous one.
audit-finding-seasonality = Clear seasonality: the peak is { $peak_month ->
    [1] in January
    [2] in February
    [3] in March
    [4] in April
    [5] in May
    [6] in June
    [7] in July
    [8] in August
    [9] in September
    [10] in October
    [11] in November
   *[12] in December
}.
audit-finding-outperforming-group = “{ $value }”: its customers bring { NUMBER($multiple, maximumFractionDigits: 1) } times the average.
audit-finding-stale-contacts = { NUMBER($share, style: "percent", maximumFractionDigits: 0) } of contacts have not bought for over { $months } months.
audit-finding-duplicate-contacts = { $duplicates } { $duplicates ->
    [one] customer
   *[other] customers
} share an email or phone: duplicates in the base.

## Wording by the shape of the business (diagnosis.shape): B2B and courses differ from retail.
advice-rec-raise-frequency-action-b2b = A contract delivery schedule for each customer along his usual ordering cycle; the account manager calls a week before it is due.
advice-rec-raise-frequency-step-b2b = List the customers whose gap between orders has grown and agree a delivery schedule with the first five.
advice-rec-raise-check-action-b2b = A review of the price list and the minimum order, a wider range for current customers, a volume discount instead of an order discount.
advice-rec-raise-check-step-b2b = Compare the average order of the five largest customers a year ago and now, and ask each what he now buys elsewhere.
advice-rec-second-purchase-action-b2b = After the first delivery, a call from the account manager: how the acceptance went, what the next delivery needs; an offer for regular purchases.
advice-rec-second-purchase-step-b2b = List the customers with one delivery in the last six months and call the first ten this week.
advice-rec-reactivate-churned-action-b2b = A call from the account manager to every customer who missed his usual ordering time: what changed, did he find another supplier, is the price list still right.
advice-rec-reactivate-churned-step-b2b = List the customers who missed their ordering time in the last 3 months and call the largest today.
advice-rec-restart-acquisition-action-b2b = Bring back the flow of new customers: calls and emails to an industry list, tenders, referrals from current customers; count new contracts every week.
advice-rec-restart-acquisition-step-b2b = Find where the last ten new customers came from and restart the channel that went quiet this week.
advice-rec-raise-frequency-action-courses = Offer the next programme or a renewal to those finishing the current one; a membership or subscription instead of a one-off purchase.
advice-rec-raise-frequency-step-courses = List those who finished a programme in the last 3 months and send them the next level's offer.
advice-rec-raise-check-action-courses = Plans: an extended one with homework review or a mentor; two programmes together for less than apart.
advice-rec-raise-check-step-courses = Add an extended plan to the next intake and count the share of students who choose it.
advice-rec-second-purchase-action-courses = At the end of a programme, the next level offered to graduates in the first two weeks, while the result is fresh.
advice-rec-second-purchase-step-courses = Write the email to the current intake's graduates offering the next programme.
advice-rec-onboarding-action-courses = The first days after payment: a welcome, a study plan, a reminder of the first lesson; a curator writes to those who have not started within a week.
advice-rec-onboarding-step-courses = Write the welcome email with the study plan and switch it on for every new student.
advice-rec-restart-acquisition-action-courses = Bring back the flow of sign-ups: free lessons and webinars, partner broadcasts; count sign-ups and their conversion to a first payment every week.
advice-rec-restart-acquisition-step-courses = Compare the sources of sign-ups before and after the fall and hold a free lesson in the one that dropped this week.

## The CLV forecast beside its holdout check (analytics/render/text/forecast.py).
report-forecast-title = The next 12 months
forecast-year = About { $purchases } { $purchases_n ->
    [one] purchase
   *[other] purchases
} worth { $value } of revenue are expected in 12 months (discounted { $discount } a month); of the repeat buyers, { $alive } are probably still buying.
forecast-margin = At your margin of { $share } that is about { $value } of margin.
forecast-holdout = Checked on past data: over the last { $months } months the model missed by { $purchases } in purchases and { $value } in revenue. Read the forecast with caution.
