-- Policies become named, versioned documents of a server that many grants can share.
-- Each existing grant's inline policy becomes a policy of its own, keeping its version number.

-- AlterEnum
ALTER TYPE "Decision" ADD VALUE 'require_approval';

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "category" TEXT,
ADD COLUMN     "confidence" TEXT,
ADD COLUMN     "flags" JSONB,
ADD COLUMN     "rationale" TEXT,
ADD COLUMN     "severity" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "isShadow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "policyId" TEXT,
ADD COLUMN     "policyVersion" INTEGER;

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "comment" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- Move each grant's inline policy into a policy of its own.
INSERT INTO "Policy" ("id", "orgId", "serverId", "name", "currentVersion", "createdAt", "updatedAt")
SELECT 'pol' || g."id", g."orgId", g."serverId", g."name" || ' (' || g."tokenPrefix" || ')', g."policyVersion", g."createdAt", g."updatedAt"
FROM "Grant" g;

INSERT INTO "PolicyVersion" ("id", "policyId", "version", "document", "createdById", "createdAt")
SELECT 'polv' || g."id", 'pol' || g."id", g."policyVersion", g."policy", g."createdById", g."updatedAt"
FROM "Grant" g;

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN "policyId" TEXT;
UPDATE "Grant" SET "policyId" = 'pol' || "id";
ALTER TABLE "Grant" ALTER COLUMN "policyId" SET NOT NULL,
DROP COLUMN "policy",
DROP COLUMN "policyVersion";

-- CreateIndex
CREATE INDEX "Policy_orgId_createdAt_idx" ON "Policy"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_serverId_name_key" ON "Policy"("serverId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_policyId_version_key" ON "PolicyVersion"("policyId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_orgId_createdAt_idx" ON "ApiKey"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Grant_policyId_idx" ON "Grant"("policyId");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
