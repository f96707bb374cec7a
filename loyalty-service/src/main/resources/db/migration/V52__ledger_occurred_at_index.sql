-- The points report (GET /api/v1/loyalty/reports/points, the console's Loyalty and Overview pages) sums the ledger per
-- programme and month over the last N months: "where occurred_at >= ? and occurred_at < ?". Without an index led by
-- occurred_at that reads the whole ledger, however many years it holds; with this one it reads only the months asked
-- for, and the included columns let PostgreSQL answer from the index alone (once the table is vacuumed).
create index ledger_occurred_at on ledger_entry (occurred_at) include (programme_id, kind, points);
