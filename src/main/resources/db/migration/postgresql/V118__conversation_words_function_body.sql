-- helpdesk_conversation_words (V117) with a string body instead of a SQL-standard one: the same function, but
-- PostgreSQL no longer records a dependency on the tables it reads. Citus (docs/scale-out.md) then lets the
-- function go to every worker, where a merge's UPDATE pushed down to a shard calls it; with the recorded
-- dependency on local tables it stayed on the coordinator only and was lost when the tables were distributed.
create or replace function helpdesk_conversation_words(p_entity_id uuid, p_ticket_id uuid) returns tsvector
    language sql stable parallel safe
    as $$
        select helpdesk_words_agg(w) from (
            select search_tsv as w from messages where entity_id = p_entity_id and ticket_id = p_ticket_id
            union all
            select helpdesk_search_words(filename) from attachments
            where entity_id = p_entity_id and ticket_id = p_ticket_id) words
    $$;
