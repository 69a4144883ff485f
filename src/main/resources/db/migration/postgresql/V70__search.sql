-- Search (API §7): full text in the database, visible as soon as the writing transaction commits.
--
-- helpdesk_search_text(text): lower case, accents removed (unaccent), every run of characters that are not letters
-- or digits one space, and a space before and after, so "Printer-Driver" and "printer driver" read the same.
-- unaccent() is only STABLE (its dictionary could change); the wrapper names the dictionary explicitly and is
-- declared IMMUTABLE so generated columns and indexes may use it. Re-create the columns/indexes (docs/search.md)
-- if the unaccent rules or the database's character classification (LC_CTYPE) ever change.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create or replace function helpdesk_search_text(value text) returns text
    language sql immutable strict parallel safe
    return ' ' || regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g') || ' ';

-- One tsvector per ticket, with the subject weighted above the rest (A subject, B description, C contact), and one
-- per message. The language-neutral 'simple' configuration (no stemming, no stop words): words match by prefix
-- (to_tsquery 'word':*), as API §7 asks. Stored generated columns: written in the same statement as the row.
alter table tickets add column search_tsv tsvector generated always as (
    setweight(to_tsvector('simple'::regconfig, helpdesk_search_text(subject)), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(helpdesk_search_text(description), '')), 'B')
    || setweight(to_tsvector('simple'::regconfig,
                             coalesce(helpdesk_search_text(contact_email), '') || coalesce(helpdesk_search_text(contact_name), '')), 'C')
) stored;
alter table messages add column search_tsv tsvector generated always as (
    to_tsvector('simple'::regconfig, helpdesk_search_text(body))
) stored;

create index tickets_search_idx on tickets using gin (search_tsv);
create index messages_search_idx on messages using gin (search_tsv);

-- from:ann@example.com and an address typed as a word: the contact email, equal ignoring case;
-- from:@example.com: the domain, where full text cannot help (a suffix of a word) and trigrams can.
create index tickets_contact_email_idx on tickets (entity_id, lower(contact_email));
create index tickets_contact_email_trgm_idx on tickets using gin (lower(contact_email) gin_trgm_ops);
