-- The audit page's search looks for text anywhere in a call's tool name or argument names; without
-- an index a search matching little reads an organisation's whole log. A trigram index on one
-- lower-cased text of both serves it. Prisma's schema cannot describe an expression index, so it
-- lives only here (the schema drift test knows it by name).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- IMMUTABLE so it can be indexed: array_to_string is only STABLE in general (for any element
-- type), but for text[] its result depends on nothing but its arguments.
CREATE OR REPLACE FUNCTION "audit_search_text"("tool" TEXT, "argumentKeys" TEXT[]) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lower(coalesce("tool", '') || E'\n' || array_to_string("argumentKeys", E'\n')) $$;

-- CreateIndex
CREATE INDEX "AuditEvent_search_trgm_idx" ON "AuditEvent" USING GIN ("audit_search_text"("tool", "argumentKeys") gin_trgm_ops);
