-- CreateIndex
CREATE INDEX "AuditEvent_orgId_grantId_tool_occurredAt_idx" ON "AuditEvent"("orgId", "grantId", "tool", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_serverId_occurredAt_idx" ON "AuditEvent"("orgId", "serverId", "occurredAt" DESC);


-- The search index becomes per organisation: over all organisations a common search term
-- gathered every organisation's matches before keeping one's own (btree_gin lets a GIN index
-- hold the organisation id beside the trigrams). Still migration-only (see 20261125160000).
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX "AuditEvent_search_trgm_idx";

CREATE INDEX "AuditEvent_org_search_trgm_idx" ON "AuditEvent" USING GIN ("orgId", "audit_search_text"("tool", "argumentKeys") gin_trgm_ops);
