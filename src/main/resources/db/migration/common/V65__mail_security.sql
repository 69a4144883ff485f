-- Issue 28: the sender's address of every message that came in by email (shown as the message's fromAddress);
-- a reply from another address than the ticket's contact is kept as an internal note with it.
alter table messages add column from_address varchar(320);

-- Polls that failed in a row: a failing mailbox backs off (pollSeconds doubled per failure, up to an hour).
alter table mailboxes add column poll_failures int default 0 not null;
