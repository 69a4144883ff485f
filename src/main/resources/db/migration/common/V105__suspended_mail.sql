-- Issue 28: mail that a guard stops (a sender's flood, an auto-reply or bounce, a loop from a support address, a
-- mail the core refuses) is kept here for 14 days with its reason, instead of being dropped: an administrator
-- lists it, releases it (imported once, as if it had just arrived) or deletes it. Deleting a mailbox deletes its
-- suspended mail.
create table suspended_mails (
    entity_id     uuid          not null,
    id            uuid          not null,
    mailbox_id    uuid          not null,
    -- the import record's key (Message-ID or IMAP UID): a release marks that record
    mail_key      varchar(1000) not null,
    received_at   timestamp with time zone not null,
    from_address  varchar(320),
    subject       varchar(1000) not null,
    -- flood | automatic | loop | refused, and the sentence shown to the administrator
    reason        varchar(16)   not null,
    reason_text   varchar(1000) not null,
    -- the whole mail as received (RFC 5322 bytes); null when it was larger than the operator keeps
    raw_message   bytea,
    raw_size      bigint        not null,
    expires_at    timestamp with time zone not null,
    created_at    timestamp with time zone not null,
    primary key (entity_id, id),
    constraint suspended_mails_mailbox_fk foreign key (entity_id, mailbox_id) references mailboxes (entity_id, id)
        on delete cascade,
    constraint suspended_mails_reason_ck check (reason in ('flood', 'automatic', 'loop', 'refused'))
);
-- a mailbox's list, newest first
create index suspended_mails_mailbox_idx on suspended_mails (entity_id, mailbox_id, received_at);
-- the purge of expired entries
create index suspended_mails_expiry_idx on suspended_mails (expires_at);
