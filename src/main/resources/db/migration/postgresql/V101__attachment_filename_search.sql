-- Search (API §7) matches file names (field "attachment"): a word start inside the normalised name, which the
-- trigram index answers for LIKE '% word%' without reading the entity's every file row.
create index attachments_filename_trgm_idx on attachments using gin (helpdesk_search_text(filename) gin_trgm_ops);
