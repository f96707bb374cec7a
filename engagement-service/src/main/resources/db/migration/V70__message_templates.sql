-- Message templates (Qute) per channel, purpose and language, managed through the API (outreach.TemplateResource).
-- purpose null = the template for every purpose of that channel and language without one of its own.
create table message_template (
    id          uuid primary key,
    channel     varchar(16)  not null,
    purpose     varchar(32),
    language    varchar(16)  not null,
    subject     varchar(300),
    body        text         not null,
    version     bigint       not null default 0,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create unique index message_template_key on message_template (channel, coalesce(purpose, '*'), language);

insert into message_template (id, channel, purpose, language, subject, body, created_by, created_at, updated_at) values
('00000000-0000-4000-8000-000000000701', 'EMAIL', null, 'en', '{customer.salutation}, a word from us',
'{customer.salutation},

thank you for being our customer.
{#if loyalty.member}You have {loyalty.balance} points{#if loyalty.tier} and your tier is {loyalty.tier}{/if}.
{/if}{#if recommendations}Customers who bought what you bought also liked:
{#for r in recommendations}- {r.item} (with {r.because})
{/for}{/if}{#if preferences}We remember what you prefer: {#for p in preferences}{p.key}: {p.value}{#if p_hasNext}, {/if}{/for}.
{/if}
Kind regards
Your Rapport team

To stop these e-mails: {unsubscribeUrl}
', 'system', now(), now()),
('00000000-0000-4000-8000-000000000702', 'EMAIL', 'SATISFACTION_CHECK', 'en', '{customer.salutation}, how is your purchase?',
'{customer.salutation},

a week ago you bought from us: does it meet your expectations? Just reply to this e-mail.
{#if loyalty.member}Your balance: {loyalty.balance} points{#if loyalty.tier} ({loyalty.tier}){/if}.
{/if}{#if recommendations}Customers who bought what you bought also liked:
{#for r in recommendations}- {r.item} (with {r.because})
{/for}{/if}
Kind regards
Your Rapport team

To stop these e-mails: {unsubscribeUrl}
', 'system', now(), now()),
('00000000-0000-4000-8000-000000000703', 'EMAIL', null, 'de', '{customer.salutation}, eine Nachricht von uns',
'{customer.salutation},

danke, dass Sie bei uns einkaufen.
{#if loyalty.member}Sie haben {loyalty.balance} Punkte{#if loyalty.tier}, Ihre Stufe: {loyalty.tier}{/if}.
{/if}{#if recommendations}Wer kaufte, was Sie kauften, mochte auch:
{#for r in recommendations}- {r.item} (zu {r.because})
{/for}{/if}
Freundliche Grüße
Ihr Rapport-Team

Keine E-Mails mehr: {unsubscribeUrl}
', 'system', now(), now()),
('00000000-0000-4000-8000-000000000704', 'SMS', null, 'en', null,
'{customer.salutation}, thanks for shopping with us.{#if loyalty.member} Balance: {loyalty.balance} pts.{/if} Stop: {unsubscribeUrl}',
'system', now(), now());
