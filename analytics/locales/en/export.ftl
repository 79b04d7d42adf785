## Exports: customers table (CSV/XLSX) and the one-file audit report (PDF/HTML).

export-sheet-customers = Customers

export-col-customer_key = Customer key
export-col-name = Name
export-col-email = Email
export-col-phone = Phone
export-col-city = City
export-col-channel = Channel
export-col-main_category = Main category
export-col-rfm_segment = Segment
export-col-r = R
export-col-f = F
export-col-m = M
export-col-recency_days = Days since last purchase
export-col-frequency = Orders
export-col-monetary = Revenue
export-col-avg_check = Average check
export-col-first_purchase = First purchase
export-col-last_purchase = Last purchase

export-segment-champions = Champions
export-segment-loyal = Loyal
export-segment-potential_loyalist = Potential loyalists
export-segment-new = New
export-segment-promising = Promising
export-segment-need_attention = Need attention
export-segment-about_to_sleep = About to sleep
export-segment-at_risk = At risk
export-segment-cant_lose = Can't lose
export-segment-hibernating = Hibernating
export-segment-lost = Lost
export-segment-unscored = Not scored

export-report-title = Customer base audit
export-report-subtitle = File { $file }, data to { $as_of }
export-report-subtitle-nofile = Data to { $as_of }

export-summary-heading = Data
export-summary-rows = Rows read: { $read }, used: { $used }
export-summary-customers = Customers: { $customers }
export-summary-orders = Orders: { $orders }
export-summary-revenue = Revenue: { $revenue }
export-summary-period = Period: { $from } to { $to }
export-summary-excluded = Rows excluded: { $items }
export-summary-excluded-none = No rows excluded
export-summary-shape-customers = The file is a customer list without separate orders: monthly figures, cohorts and interval-based churn need an orders export.

export-excluded-cancelled = cancelled { $count }
export-excluded-refunded = refunded { $count }
export-excluded-open = not completed { $count }
export-excluded-duplicate = duplicates { $count }
export-excluded-totals_row = "Total" rows { $count }
export-excluded-other = { $reason } { $count }

export-key-heading = Key numbers
export-key-metric = Metric
export-key-value = Value
export-key-aov = Average order value
export-key-repeat-rate = Repeat customer rate
export-key-orders-per-customer = Orders per customer
export-key-top20 = Revenue share of the top 20% of customers
export-key-active-month = Bought in the last month ({ $month })
export-key-active-window = Active base (bought in the last { $days } days)
export-key-total-base = Whole base
export-key-churn-window = Churn window
export-key-churn-window-value = { $days } days
export-key-active-of-total = { $active } of { $total } ({ $share })

export-charts-heading = Charts

export-rfm-heading = RFM segments
export-rfm-segment = Segment
export-rfm-customers = Customers
export-rfm-share = Share of base
export-rfm-revenue = Revenue
export-rfm-revenue-share = Revenue share
export-rfm-total = Total
export-rfm-none = RFM segments were not computed: the file lacks the last purchase date, the number of orders or the amount spent.
export-rfm-note = R is recency, F frequency, M money spent; scores 1 to 5. The customers table with segments is in customers.xlsx.
