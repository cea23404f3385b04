-- The API key (its configured name) that created a contact through the old POST /contact, which answers
-- no upload token: the old POST /documents/upload may attach files with the same key for a short while.
ALTER TABLE contact_submission ADD COLUMN submitted_by_key varchar(100);
