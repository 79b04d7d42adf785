# Audit charts (analytics/charts): titles state the finding, labels are short for a phone.

chart-month-1 = Jan
chart-month-2 = Feb
chart-month-3 = Mar
chart-month-4 = Apr
chart-month-5 = May
chart-month-6 = Jun
chart-month-7 = Jul
chart-month-8 = Aug
chart-month-9 = Sep
chart-month-10 = Oct
chart-month-11 = Nov
chart-month-12 = Dec
chart-partial-month = Partial month

## Revenue by month
chart-revenue-title = Revenue by month
chart-revenue-title-returning = Returning customers bring { $share_pct } of revenue
chart-revenue-title-new = { $share_pct } of revenue comes from new customers: the base hardly comes back
chart-revenue-title-up-returning = Revenue grew { $change_pct } in a year; returning customers bring { $share_pct }
chart-revenue-title-up-new = Revenue grew { $change_pct } in a year, but { $share_pct } comes from new customers
chart-revenue-title-down-returning = Revenue fell { $change_pct } in a year; returning customers bring { $share_pct }
chart-revenue-title-down-new = Revenue fell { $change_pct } in a year; { $share_pct } comes from new customers
chart-revenue-title-flat-returning = Revenue held flat over the year; returning customers bring { $share_pct }
chart-revenue-title-flat-new = Revenue held flat over the year; { $share_pct } comes from new customers
chart-revenue-returning = Returning customers
chart-revenue-new = New customers
chart-revenue-total = Revenue
chart-revenue-axis = Monthly revenue

## Total base vs active base
chart-period =
    { $months ->
        [12] in a year
        [one] in { $months } month
       *[other] in { $months } months
    }
chart-active-title = Total base and active base by month
chart-active-title-share = Only { $share_pct } of the base is active: { $active } of { $total } customers
chart-active-title-shrinking = Active base fell { $change_pct } { $period } while the total base grew { $total_x }x
chart-active-title-falling = Active base fell { $change_pct } { $period }: { $active } of { $total } customers are active
chart-active-title-growing = Active base grew { $change_pct } { $period }: { $active } of { $total } customers are active
chart-active-title-flat = Active base held flat { $period }: { $active } of { $total } customers are active
chart-active-total = Total base
chart-active-active = Active base
chart-active-axis = Customers
chart-active-churn-axis = Monthly churn

## RFM segments
segment-champions = Champions
segment-loyal = Loyal
segment-potential-loyalist = Potential loyalists
segment-new = New
segment-promising = Promising
segment-need-attention = Need attention
segment-about-to-sleep = About to sleep
segment-at-risk = At risk
segment-cant-lose = Can't lose them
segment-hibernating = Hibernating
segment-lost = Lost
chart-rfm-title = Customer RFM segments
chart-rfm-title-core = Champions and loyal: { $customers_pct } of customers bring { $revenue_pct } of revenue
chart-rfm-title-slipping = { $revenue_pct } of revenue is at risk: customers who are leaving ({ $customers_pct } of the base) brought it
chart-rfm-title-largest = Largest segment is "{ $segment }": { $customers_pct } of customers, { $revenue_pct } of revenue
chart-rfm-customers = Share of customers
chart-rfm-revenue = Share of revenue

## Cohort retention
chart-cohorts-title = Retention by month of first purchase
chart-cohorts-title-month1 = { $month1_pct } of new customers buy again the next month
chart-cohorts-title-worse = New customers come back less: { $newer_pct } buy again a month later, down from { $older_pct }
chart-cohorts-title-better = New customers come back more: { $newer_pct } buy again a month later, up from { $older_pct }
chart-cohorts-x = Months after first purchase
chart-cohorts-y = First purchase month

## Breakdown
chart-group-other = Other
chart-group-unknown = Not stated
chart-dimension-main-category = Main category
chart-dimension-channel = Acquisition channel
chart-dimension-city = City
chart-breakdown-title = Customers and revenue by group
chart-breakdown-title-customers = { $dimension ->
        [city] City
        [channel] Channel
       *[other] Category
    } "{ $group }" is the largest group: { $customers_pct } of customers
chart-breakdown-title-revenue = { $dimension ->
        [city] City
        [channel] Channel
       *[other] Category
    } "{ $group }" brings the most: { $revenue_pct } of revenue from { $customers_pct } of customers
chart-breakdown-title-revenue-more = { $dimension ->
        [city] City
        [channel] Channel
       *[other] Category
    } "{ $group }": { $customers_pct } of customers bring { $revenue_pct } of revenue

## Customer clusters (map of customers by behaviour)
chart-clusters-title-plain = Customer groups by behaviour
chart-clusters-title-valuable = The most valuable group: { $customers_pct } of customers bring { $revenue_pct } of revenue
chart-clusters-title-gone = { $customers_pct } of customers are in a group that stopped buying long ago
chart-clusters-title-largest = Customers fall into groups by behaviour: the largest holds { $customers_pct } of them
chart-clusters-legend = { $customers_pct } of customers, { $revenue_pct } of revenue
chart-clusters-legend-customers = { $customers_pct } of customers
chart-clusters-other = Other groups
chart-clusters-note = A dot is a customer; the closer the dots, the more alike they buy

chart-caption-revenue = Monthly revenue: new and returning customers
chart-caption-active-base = Total and active base, churn
chart-caption-rfm = RFM segments: customers and revenue
chart-caption-cohorts = Cohort retention by month of first purchase
chart-caption-breakdown = The base by group
chart-caption-clusters = Customer groups by behaviour
