-- Existing hours: their QR scans counted from the clicks (the writer keeps them from now on).
-- Its own migration, so its own transaction: the column's ACCESS EXCLUSIVE lock (previous
-- migration) is released before this reads the clicks, and click writes only wait for the rows
-- with scans while they are updated. A recount, so running it again after a rolling deploy (old
-- instances writing no scans meanwhile) repairs those hours.
UPDATE "LinkHourlyStat" h
   SET "scans" = q.n
  FROM (SELECT "linkId", date_trunc('hour', "createdAt", 'UTC') AS "hour", count(*)::int AS n
          FROM "Click" WHERE "source" = 'qr' AND NOT "isBot" GROUP BY 1, 2) q
 WHERE h."linkId" = q."linkId" AND h."hour" = q."hour" AND h."scans" <> q.n;
