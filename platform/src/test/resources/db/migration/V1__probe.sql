create table probe_effect (
    id         bigint generated always as identity primary key,
    event_id   text not null,
    subject    text not null,
    payload    text not null
);
