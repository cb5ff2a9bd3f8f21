-- Tool definitions a person approved, and the history of observed changes (rug-pull detection).
-- Tools catalogued before this migration count as approved as they are now.

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "approvedHash" TEXT;

-- CreateTable
CREATE TABLE "ToolChange" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "previousHash" TEXT NOT NULL,
    "newHash" TEXT NOT NULL,
    "previousDefinition" JSONB NOT NULL,
    "newDefinition" JSONB NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,

    CONSTRAINT "ToolChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ToolChange_toolId_detectedAt_idx" ON "ToolChange"("toolId", "detectedAt" DESC);

-- AddForeignKey
ALTER TABLE "ToolChange" ADD CONSTRAINT "ToolChange_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing tools are accepted as they are.
UPDATE "Tool" SET "approvedHash" = "definitionHash";
