-- Subjects whose "poison" probe events the probe consumers accept (a redrive after a fix).
create table probe_cure (
    subject text primary key
);
