-- CreateEnum
CREATE TYPE "ClickSource" AS ENUM ('link', 'qr');

-- CreateEnum
CREATE TYPE "UnservedReason" AS ENUM ('paused', 'expired');

-- CreateEnum
CREATE TYPE "DomainStatus" AS ENUM ('pending', 'verified', 'failed');

-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "source" "ClickSource" NOT NULL DEFAULT 'link';

-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "expiredUrl" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "limitedClicks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "maxClicks" INTEGER,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "brandColor" CHAR(7),
ADD COLUMN     "utmTemplate" JSONB;

-- CreateTable
CREATE TABLE "UnservedHit" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" "UnservedReason" NOT NULL,
    "isBot" BOOLEAN NOT NULL DEFAULT false,
    "source" "ClickSource" NOT NULL DEFAULT 'link',

    CONSTRAINT "UnservedHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "status" "DomainStatus" NOT NULL DEFAULT 'pending',
    "verifiedAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "routingOk" BOOLEAN NOT NULL DEFAULT false,
    "fallbackUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnservedHit_linkId_createdAt_idx" ON "UnservedHit"("linkId", "createdAt");

-- CreateIndex
CREATE INDEX "Domain_hostname_idx" ON "Domain"("hostname");

-- CreateIndex
CREATE INDEX "Domain_status_lastCheckedAt_idx" ON "Domain"("status", "lastCheckedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_workspaceId_hostname_key" ON "Domain"("workspaceId", "hostname");

-- AddForeignKey
ALTER TABLE "UnservedHit" ADD CONSTRAINT "UnservedHit_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

