-- CreateEnum
CREATE TYPE "UpstreamOAuthStatus" AS ENUM ('not_connected', 'connected', 'needs_reconnect');

-- CreateTable
CREATE TABLE "UpstreamOAuthConnection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "status" "UpstreamOAuthStatus" NOT NULL DEFAULT 'not_connected',
    "clientEncrypted" TEXT,
    "tokensEncrypted" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshAt" TIMESTAMP(3),
    "connectedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamOAuthConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpstreamOAuthAuthorization" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "flowEncrypted" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamOAuthAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamOAuthConnection_serverId_key" ON "UpstreamOAuthConnection"("serverId");

-- CreateIndex
CREATE INDEX "UpstreamOAuthConnection_orgId_idx" ON "UpstreamOAuthConnection"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamOAuthAuthorization_stateHash_key" ON "UpstreamOAuthAuthorization"("stateHash");

-- CreateIndex
CREATE INDEX "UpstreamOAuthAuthorization_serverId_idx" ON "UpstreamOAuthAuthorization"("serverId");

-- CreateIndex
CREATE INDEX "UpstreamOAuthAuthorization_expiresAt_idx" ON "UpstreamOAuthAuthorization"("expiresAt");

-- AddForeignKey
ALTER TABLE "UpstreamOAuthConnection" ADD CONSTRAINT "UpstreamOAuthConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamOAuthConnection" ADD CONSTRAINT "UpstreamOAuthConnection_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamOAuthAuthorization" ADD CONSTRAINT "UpstreamOAuthAuthorization_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpstreamOAuthAuthorization" ADD CONSTRAINT "UpstreamOAuthAuthorization_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "McpServer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

