-- The email channel: an entity's mailboxes, the record of every mail taken from them, the Message-IDs of each
-- ticket's mails (threading), and the outgoing mails with their delivery state.

create table mailboxes (
    entity_id      uuid          not null references entities (id),
    id             uuid          not null,
    name           varchar(255)  not null,
    address        varchar(320)  not null,
    -- lower-cased address: one support address belongs to one mailbox of the whole installation
    address_key    varchar(320)  not null,
    imap_host      varchar(255)  not null,
    imap_port      int           not null,
    imap_security  varchar(16)   not null,
    imap_username  varchar(320)  not null,
    -- passwords are AES-GCM ciphertext (hex) under the operator's HELPDESK_MAIL_SECRET, never plain text
    imap_password  varchar(2000) not null,
    smtp_host      varchar(255)  not null,
    smtp_port      int           not null,
    smtp_security  varchar(16)   not null,
    smtp_username  varchar(320)  not null,
    smtp_password  varchar(2000) not null,
    poll_seconds   int           not null,
    enabled        boolean       not null,
    last_polled_at timestamp with time zone,
    last_error     varchar(1000),
    -- polling: due at next_poll_at; a node claims a poll by setting lease_until (compare-and-set), so two nodes
    -- never poll one mailbox at once and a crashed node's claim runs out by itself
    next_poll_at   timestamp with time zone not null,
    lease_owner    varchar(64),
    lease_until    timestamp with time zone,
    created_at     timestamp with time zone not null,
    primary key (entity_id, id),
    constraint mailboxes_imap_security_ck check (imap_security in ('none', 'starttls', 'tls')),
    constraint mailboxes_smtp_security_ck check (smtp_security in ('none', 'starttls', 'tls'))
);
create unique index mailboxes_address_uq on mailboxes (address_key);
create index mailboxes_due_idx on mailboxes (next_poll_at);

-- One row per mail taken from a mailbox, written in the same transaction as the ticket or message it became:
-- a mail seen again (a crash before it was marked \Seen, a second node) hits the primary key and is skipped.
create table mail_imports (
    entity_id   uuid          not null,
    mailbox_id  uuid          not null,
    -- the mail's Message-ID, or "uid:<UIDVALIDITY>:<UID>" when it has none
    mail_key    varchar(1000) not null,
    sender      varchar(320),
    outcome     varchar(16)   not null,
    imported_at timestamp with time zone not null,
    primary key (entity_id, mailbox_id, mail_key),
    constraint mail_imports_mailbox_fk foreign key (entity_id, mailbox_id) references mailboxes (entity_id, id)
        on delete cascade
);
-- the flood guard counts a sender's recent mails
create index mail_imports_sender_idx on mail_imports (entity_id, sender, imported_at);

-- The Message-IDs of a ticket's mails, in and out: a reply's In-Reply-To/References find its ticket here, and
-- an outgoing mail names the thread's last mail.
create table mail_threads (
    entity_id      uuid          not null,
    rfc_message_id varchar(1000) not null,
    ticket_id      uuid          not null,
    -- null for the mail that opened the ticket (its text is the ticket's description)
    message_id     uuid,
    -- the mailbox an incoming mail came through: replies go out through it
    mailbox_id     uuid,
    direction      varchar(8)    not null,
    created_at     timestamp with time zone not null,
    primary key (entity_id, rfc_message_id),
    constraint mail_threads_ticket_fk foreign key (entity_id, ticket_id) references tickets (entity_id, id),
    constraint mail_threads_direction_ck check (direction in ('in', 'out'))
);
create index mail_threads_ticket_idx on mail_threads (entity_id, ticket_id, created_at);

-- Outgoing mails: one per agent message, whatever how often its event is delivered (at least once).
create table mail_deliveries (
    entity_id       uuid          not null,
    message_id      uuid          not null,
    ticket_id       uuid          not null,
    status          varchar(16)   not null,
    attempts        int           not null,
    next_attempt_at timestamp with time zone not null,
    lease_until     timestamp with time zone,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    primary key (entity_id, message_id),
    constraint mail_deliveries_message_fk foreign key (entity_id, message_id) references messages (entity_id, id),
    constraint mail_deliveries_status_ck check (status in ('pending', 'sent', 'failed'))
);
create index mail_deliveries_due_idx on mail_deliveries (status, next_attempt_at);
