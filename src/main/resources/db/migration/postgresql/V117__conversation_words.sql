-- Search (API §7) over the conversation in one index lookup per word: every ticket carries the words of its
-- messages and of its attached files' names (a tsvector without positions, GIN-indexed). Before, a word was
-- looked up in the messages' index and the matching messages' ticket ids were collected; for a word found in a
-- fifth of five million messages that meant reading a million message rows before any ticket was scored
-- (seconds). Now a word's tickets come from the tickets' own indexes, and only a phrase reads messages, those of
-- the candidate tickets (docs/search.md).
--
-- The column is kept in the writing transaction (triggers below, and Tickets.moveMessages for a merge), so a
-- change is searchable as soon as it commits, as before. H2 keeps its LIKE search (migration h2/V70).

-- a text's words as search compares them (helpdesk_search_text, 'simple' configuration), without positions
create or replace function helpdesk_search_words(value text) returns tsvector
    language sql immutable strict parallel safe
    return strip(to_tsvector('simple'::regconfig, helpdesk_search_text(value)));

-- adds words to a ticket's set; a tsvector holds at most 1 MB of words, so a conversation with more distinct
-- words than that keeps what it had (a limit stated in docs/search.md) instead of failing the reply
create or replace function helpdesk_words_add(acc tsvector, more tsvector) returns tsvector
    language sql immutable parallel safe
    return case when more is null then acc
                when pg_column_size(acc) + pg_column_size(more) > 1000000 then acc
                else acc || strip(more) end;

create aggregate helpdesk_words_agg(tsvector) (sfunc = helpdesk_words_add, stype = tsvector, initcond = '');

-- the words of a ticket's conversation, computed from scratch (a merge moves messages away from a ticket)
create or replace function helpdesk_conversation_words(p_entity_id uuid, p_ticket_id uuid) returns tsvector
    language sql stable parallel safe
    return (select helpdesk_words_agg(w) from (
                select search_tsv as w from messages where entity_id = p_entity_id and ticket_id = p_ticket_id
                union all
                select helpdesk_search_words(filename) from attachments
                where entity_id = p_entity_id and ticket_id = p_ticket_id) words);

alter table tickets add column conversation_words tsvector not null default '';

update tickets t set conversation_words = w.words
from (select entity_id, ticket_id, helpdesk_words_agg(w) as words
      from (select entity_id, ticket_id, search_tsv as w from messages
            union all
            select entity_id, ticket_id, helpdesk_search_words(filename) from attachments where ticket_id is not null) x
      group by entity_id, ticket_id) w
where t.entity_id = w.entity_id and t.id = w.ticket_id;

create index tickets_conversation_idx on tickets using gin (conversation_words);

-- a new message adds its words to its ticket (the ticket row is locked by the writing use case already)
create or replace function helpdesk_message_words() returns trigger
    language plpgsql as $$
begin
    update tickets set conversation_words = helpdesk_words_add(conversation_words, new.search_tsv)
    where entity_id = new.entity_id and id = new.ticket_id;
    return null;
end $$;
create trigger messages_conversation_words after insert on messages
    for each row execute function helpdesk_message_words();

-- a file attached to a ticket (an upload taken by a create or a reply) adds its name's words
create or replace function helpdesk_attachment_words() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.ticket_id is not distinct from new.ticket_id then
        return null;
    end if;
    update tickets set conversation_words = helpdesk_words_add(conversation_words, helpdesk_search_words(new.filename))
    where entity_id = new.entity_id and id = new.ticket_id;
    return null;
end $$;
create trigger attachments_conversation_words after insert or update of ticket_id on attachments
    for each row when (new.ticket_id is not null) execute function helpdesk_attachment_words();
