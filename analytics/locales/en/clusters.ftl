## Customer clusters (analytics/clusters.py): one line per cluster from its level codes.
## The line is "{ who }, { recency }[, { tenure }][, { categories }]".

cluster-who = { $who } { $check }

cluster-frequency-high = frequent buyers
cluster-frequency-typical = buyers
cluster-frequency-low = rare buyers

cluster-check-high = with large checks
cluster-check-typical = with typical checks
cluster-check-low = with small checks

cluster-recency-recent =
    { $months ->
        [0] bought in the last month
        [one] last bought { $months } month ago
       *[other] last bought { $months } months ago
    }
cluster-recency-away =
    { $months ->
        [one] away for { $months } month
       *[other] away for { $months } months
    }
cluster-recency-long_gone =
    { $months ->
        [one] long gone: away for { $months } month
       *[other] long gone: away for { $months } months
    }

cluster-tenure-new =
    { $months ->
        [0] joined in the last month
        [one] joined { $months } month ago
       *[other] joined { $months } months ago
    }
cluster-tenure-long =
    { $months ->
        [one] customers for { $months } month
       *[other] customers for { $months } months
    }

cluster-categories-high = buy across many categories
cluster-categories-low = buy from one or two categories
