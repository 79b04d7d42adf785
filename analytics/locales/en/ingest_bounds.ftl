## Ingest errors of heavy workbooks: what is wrong and what to do, one line each.
ingest-error-too-many-cells = The workbook spans { $cells } cells; the limit is { $limit }. Export a shorter period or save it as CSV.
