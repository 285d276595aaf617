-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('instagram', 'tiktok', 'youtube', 'x', 'linkedin', 'twitch', 'blog', 'other');

-- CreateEnum
CREATE TYPE "CampaignObjective" AS ENUM ('awareness', 'traffic', 'conversions', 'loyalty');

-- CreateEnum
CREATE TYPE "Kpi" AS ENUM ('clicks', 'unique_clicks', 'audience_ctr', 'conversions', 'conversion_rate', 'revenue', 'aov', 'cpc', 'cpa', 'roas');

-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "engagementRate" DOUBLE PRECISION,
ADD COLUMN     "impressions" INTEGER,
ADD COLUMN     "platform" "Platform",
ADD COLUMN     "postedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reach" INTEGER;

-- CreateTable
CREATE TABLE "CreatorPlatform" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "handle" TEXT NOT NULL,
    "followers" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreatorPlatform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowerCount" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "creatorPlatformId" TEXT NOT NULL,
    "followers" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowerCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "objective" "CampaignObjective" NOT NULL DEFAULT 'traffic',
    "startsOn" DATE,
    "endsOn" DATE,
    "budgetMinor" INTEGER,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "destinationUrl" TEXT,
    "utmTemplate" JSONB,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignKpi" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kpi" "Kpi" NOT NULL,
    "target" DOUBLE PRECISION,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignKpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignCreator" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "flatFeeMinor" INTEGER NOT NULL DEFAULT 0,
    "giftedValueMinor" INTEGER NOT NULL DEFAULT 0,
    "commissionRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignCreator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkHourlyStat" (
    "linkId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "filtered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LinkHourlyStat_pkey" PRIMARY KEY ("linkId","hour")
);

-- CreateTable
CREATE TABLE "LinkDailyStat" (
    "linkId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "uniqueClicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LinkDailyStat_pkey" PRIMARY KEY ("linkId","day")
);

-- CreateTable
CREATE TABLE "LinkDayVisitor" (
    "linkId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visitorHash" TEXT NOT NULL,

    CONSTRAINT "LinkDayVisitor_pkey" PRIMARY KEY ("linkId","day","visitorHash")
);

-- CreateIndex
CREATE INDEX "CreatorPlatform_workspaceId_idx" ON "CreatorPlatform"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "CreatorPlatform_creatorId_platform_key" ON "CreatorPlatform"("creatorId", "platform");

-- CreateIndex
CREATE INDEX "FollowerCount_creatorPlatformId_recordedAt_idx" ON "FollowerCount"("creatorPlatformId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_workspaceId_slug_key" ON "Campaign"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignKpi_campaignId_kpi_key" ON "CampaignKpi"("campaignId", "kpi");

-- CreateIndex
CREATE INDEX "CampaignCreator_workspaceId_idx" ON "CampaignCreator"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignCreator_campaignId_creatorId_key" ON "CampaignCreator"("campaignId", "creatorId");

-- CreateIndex
CREATE INDEX "LinkHourlyStat_workspaceId_hour_idx" ON "LinkHourlyStat"("workspaceId", "hour");

-- CreateIndex
CREATE INDEX "LinkDailyStat_workspaceId_day_idx" ON "LinkDailyStat"("workspaceId", "day");

-- CreateIndex
CREATE INDEX "Link_workspaceId_campaignId_idx" ON "Link"("workspaceId", "campaignId");

-- CreateIndex
CREATE INDEX "Link_workspaceId_creatorId_idx" ON "Link"("workspaceId", "creatorId");

-- AddForeignKey
ALTER TABLE "CreatorPlatform" ADD CONSTRAINT "CreatorPlatform_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowerCount" ADD CONSTRAINT "FollowerCount_creatorPlatformId_fkey" FOREIGN KEY ("creatorPlatformId") REFERENCES "CreatorPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignKpi" ADD CONSTRAINT "CampaignKpi_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCreator" ADD CONSTRAINT "CampaignCreator_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignCreator" ADD CONSTRAINT "CampaignCreator_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkHourlyStat" ADD CONSTRAINT "LinkHourlyStat_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkDailyStat" ADD CONSTRAINT "LinkDailyStat_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkDayVisitor" ADD CONSTRAINT "LinkDayVisitor_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill the rollups from the clicks already stored (lib/clicks/writer.ts maintains them from now on).
INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered")
SELECT "linkId", "workspaceId", date_trunc('hour', "createdAt", 'UTC'), count(*) FILTER (WHERE NOT "isBot"), count(*) FILTER (WHERE "isBot")
  FROM "Click" GROUP BY 1, 2, 3;

INSERT INTO "LinkDayVisitor" ("linkId", "day", "visitorHash")
SELECT DISTINCT "linkId", ("createdAt" AT TIME ZONE 'UTC')::date, "visitorHash" FROM "Click" WHERE NOT "isBot";

INSERT INTO "LinkDailyStat" ("linkId", "workspaceId", "day", "uniqueClicks")
SELECT v."linkId", l."workspaceId", v."day", count(*)
  FROM "LinkDayVisitor" v JOIN "Link" l ON l."id" = v."linkId" GROUP BY 1, 2, 3;
