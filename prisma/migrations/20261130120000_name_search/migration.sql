-- Issue 9 item 17: search on real names, whatever the case and accents ("lukasz" finds "Łukasz",
-- "zoe" finds "Zoë", "siobhan" finds "Siobhán"). Each child and party name gets a search key,
-- lower(unaccent(name)), kept by PostgreSQL in a generated column, with a trigram GIN index so that
-- LIKE '%…%' stays fast at 100,000 cases. lib/cases/list/list-cases.ts turns the search text into a
-- key with the same function. See docs/decisions/0009-search-and-form-conventions.md.
-- No semicolon may appear inside a statement or a comment here: the driver adapter that runs
-- migrations (@prisma/adapter-pg executeScript) splits the script at every semicolon.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its rules file could be changed), so it cannot be used in a generated
-- column or an index. This wrapper names the dictionary and is declared IMMUTABLE, the usual way.
-- SET search_path FROM CURRENT keeps the schema the extension was just installed in, whichever it is.
CREATE OR REPLACE FUNCTION name_search_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path FROM CURRENT
  AS $$ SELECT lower(unaccent('unaccent'::regdictionary, name)) $$;

ALTER TABLE "Child" ADD COLUMN "nameKey" TEXT GENERATED ALWAYS AS (name_search_key("name")) STORED;
ALTER TABLE "Party" ADD COLUMN "nameKey" TEXT GENERATED ALWAYS AS (name_search_key("name")) STORED;

CREATE INDEX "Child_nameKey_trgm_idx" ON "Child" USING GIN ("nameKey" gin_trgm_ops);
CREATE INDEX "Party_nameKey_trgm_idx" ON "Party" USING GIN ("nameKey" gin_trgm_ops);
-- The same search looks for the text in case references (ILIKE '%…%'), served by one more.
CREATE INDEX "Case_reference_trgm_idx" ON "Case" USING GIN ("reference" gin_trgm_ops);
