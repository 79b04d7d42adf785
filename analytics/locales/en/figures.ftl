## The trend beside each of the five numbers (analytics/render/text/head.py).

five-trend = { $line }; { $before } → { $after } ({ $change })
five-trend-rate = { $line }; { $before } → { $after }
five-trend-note = Arrows: { $period }; the active base at each period's end, churn over its last { $months } months.
