-- CreateEnum
CREATE TYPE "ConversionAttribution" AS ENUM ('click', 'promo_code', 'none');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "attributionWindowDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "clickIdParam" TEXT NOT NULL DEFAULT 'cp_click',
ADD COLUMN     "conversionTracking" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "currency" CHAR(3) NOT NULL DEFAULT 'USD';

-- CreateTable
CREATE TABLE "PublishableKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hashedKey" TEXT NOT NULL,
    "allowedHostnames" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PublishableKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromoCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "valueMinor" INTEGER,
    "currency" CHAR(3),
    "clickId" TEXT,
    "promoCode" TEXT,
    "attribution" "ConversionAttribution" NOT NULL,
    "attributionReason" TEXT NOT NULL,
    "linkId" TEXT,
    "creatorId" TEXT,
    "campaignId" TEXT,
    "source" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversionReversal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "conversionId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "valueMinor" INTEGER NOT NULL,
    "full" BOOLEAN NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversionReversal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "workspaceId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("workspaceId","currency")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishableKey_hashedKey_key" ON "PublishableKey"("hashedKey");

-- CreateIndex
CREATE INDEX "PublishableKey_workspaceId_idx" ON "PublishableKey"("workspaceId");

-- CreateIndex
CREATE INDEX "PromoCode_campaignId_creatorId_idx" ON "PromoCode"("campaignId", "creatorId");

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_workspaceId_code_key" ON "PromoCode"("workspaceId", "code");

-- CreateIndex
CREATE INDEX "Conversion_workspaceId_campaignId_creatorId_idx" ON "Conversion"("workspaceId", "campaignId", "creatorId");

-- CreateIndex
CREATE INDEX "Conversion_workspaceId_occurredAt_idx" ON "Conversion"("workspaceId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_linkId_idx" ON "Conversion"("linkId");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_workspaceId_externalId_key" ON "Conversion"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "ConversionReversal_conversionId_idx" ON "ConversionReversal"("conversionId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversionReversal_workspaceId_externalId_key" ON "ConversionReversal"("workspaceId", "externalId");

-- AddForeignKey
ALTER TABLE "PublishableKey" ADD CONSTRAINT "PublishableKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversionReversal" ADD CONSTRAINT "ConversionReversal_conversionId_fkey" FOREIGN KEY ("conversionId") REFERENCES "Conversion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

