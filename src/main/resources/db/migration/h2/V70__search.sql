-- Search (API §7) on H2: helpdesk_search_text(text) is the text in compared form (lower case, no accents, one
-- space around every word), computed when a search runs; the search statements use LIKE on word starts over it.
-- PostgreSQL keeps full-text columns with GIN indexes instead (postgresql/V70__search.sql).
create alias if not exists helpdesk_search_text deterministic for 'org.helpdesk.search.SearchText.h2';
