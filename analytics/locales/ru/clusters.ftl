## Customer clusters (analytics/clusters.py): one line per cluster from its level codes.
## The line is "{ who }, { recency }[, { tenure }][, { categories }]".

cluster-who = { $who } { $check }

cluster-frequency-high = частые покупатели
cluster-frequency-typical = покупатели
cluster-frequency-low = редкие покупатели

cluster-check-high = с крупным чеком
cluster-check-typical = с обычным чеком
cluster-check-low = с небольшим чеком

cluster-recency-recent =
    { $months ->
        [0] покупали в последний месяц
        [one] последняя покупка { $months } месяц назад
        [few] последняя покупка { $months } месяца назад
       *[other] последняя покупка { $months } месяцев назад
    }
cluster-recency-away =
    { $months ->
        [one] не покупают { $months } месяц
        [few] не покупают { $months } месяца
       *[other] не покупают { $months } месяцев
    }
cluster-recency-long_gone =
    { $months ->
        [one] давно ушли: не покупают { $months } месяц
        [few] давно ушли: не покупают { $months } месяца
       *[other] давно ушли: не покупают { $months } месяцев
    }

cluster-tenure-new =
    { $months ->
        [0] пришли в последний месяц
        [one] пришли { $months } месяц назад
        [few] пришли { $months } месяца назад
       *[other] пришли { $months } месяцев назад
    }
cluster-tenure-long =
    { $months ->
        [one] клиенты уже { $months } месяц
        [few] клиенты уже { $months } месяца
       *[other] клиенты уже { $months } месяцев
    }

cluster-categories-high = покупают из многих категорий
cluster-categories-low = покупают из одной-двух категорий
