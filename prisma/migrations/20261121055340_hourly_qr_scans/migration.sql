-- AlterTable
ALTER TABLE "LinkHourlyStat" ADD COLUMN     "scans" INTEGER NOT NULL DEFAULT 0;


-- Existing hours: their QR scans counted from the clicks (the writer keeps them from now on).
UPDATE "LinkHourlyStat" h
   SET "scans" = q.n
  FROM (SELECT "linkId", date_trunc('hour', "createdAt", 'UTC') AS "hour", count(*)::int AS n
          FROM "Click" WHERE "source" = 'qr' AND NOT "isBot" GROUP BY 1, 2) q
 WHERE h."linkId" = q."linkId" AND h."hour" = q."hour";
