-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LinkDailyDimension" (
    "linkId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "uniqueClicks" INTEGER NOT NULL DEFAULT 0,
    "filtered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LinkDailyDimension_pkey" PRIMARY KEY ("linkId","day","dimension","value")
);

-- CreateIndex
CREATE INDEX "LinkDailyDimension_workspaceId_day_idx" ON "LinkDailyDimension"("workspaceId", "day");

-- AddForeignKey
ALTER TABLE "LinkDailyDimension" ADD CONSTRAINT "LinkDailyDimension_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

