## The trend beside each of the five numbers (analytics/render/text/head.py).

five-trend = { $line }; { $before } → { $after } ({ $change })
five-trend-rate = { $line }; { $before } → { $after }
five-trend-note = Стрелки: { $period }; активная база — на конец периода, отток — за его последние { $months } мес.
