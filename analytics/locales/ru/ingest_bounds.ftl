## Ingest errors of heavy workbooks: what is wrong and what to do, one line each.
ingest-error-too-many-cells = Ячеек в книге: { $cells }, а можно не больше { $limit }. Выгрузите данные за меньший период или сохраните как CSV.
