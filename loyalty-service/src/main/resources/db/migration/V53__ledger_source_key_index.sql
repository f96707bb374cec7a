-- A ledger entry is found by the fact that booked it ("purchase:<id>", "refund:<id>") without knowing its programme:
-- support ("which entries did purchase X make?"), reconciliation and the benchmark's catch-up count ask
-- source_key = any(...). The unique (programme_id, source_key) index cannot answer that without the programme, so such
-- a lookup scanned the whole ledger.
create index ledger_source_key on ledger_entry (source_key);
