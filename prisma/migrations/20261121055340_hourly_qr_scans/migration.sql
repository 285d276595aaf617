-- AlterTable
ALTER TABLE "LinkHourlyStat" ADD COLUMN     "scans" INTEGER NOT NULL DEFAULT 0;
