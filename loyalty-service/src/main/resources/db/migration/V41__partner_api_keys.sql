-- Issue 17 #14: partner API keys issued through the API. Only the SHA-256 of a key is stored; the key is shown once.
create table partner_api_key (
    id          uuid primary key,
    partner_id  uuid        not null references partner (id),
    prefix      text        not null unique,
    sha256      text        not null unique,
    scopes      text        not null,
    status      text        not null check (status in ('ACTIVE', 'REVOKED')),
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text,
    replaces    uuid
);
create index partner_api_key_partner on partner_api_key (partner_id, created_at);
