-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "auditRetentionDays" INTEGER NOT NULL DEFAULT 90;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "arguments" JSONB,
ADD COLUMN     "clientIp" TEXT,
ADD COLUMN     "clientName" TEXT,
ADD COLUMN     "clientVersion" TEXT,
ADD COLUMN     "jsonRpcErrorCode" INTEGER,
ADD COLUMN     "resultBytes" INTEGER,
ADD COLUMN     "resultIsError" BOOLEAN,
ADD COLUMN     "tokenPrefix" TEXT,
ADD COLUMN     "upstreamHttpStatus" INTEGER,
ADD COLUMN     "upstreamLatencyMs" INTEGER,
ADD COLUMN     "userAgent" TEXT,
ALTER COLUMN "orgId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AdminEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "targetName" TEXT,
    "details" JSONB,

    CONSTRAINT "AdminEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminEvent_orgId_occurredAt_id_idx" ON "AdminEvent"("orgId", "occurredAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "AdminEvent" ADD CONSTRAINT "AdminEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

