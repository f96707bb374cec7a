-- Runs no longer copy the figures into UNLOGGED work tables (run_work_<start>_<id>_figures): they read the window
-- totals kept on the profiles. A process that stopped in the middle of a run could have left one behind; drop them.
do $$
declare
    work text;
begin
    for work in select relname from pg_class where relkind = 'r' and relname like 'run\_work\_%' loop
        execute format('drop table if exists %I', work);
    end loop;
end
$$;
