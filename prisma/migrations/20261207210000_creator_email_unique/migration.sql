-- An e-mail names one creator in a workspace: CSV imports, the bulk upsert and creator sign-in
-- find creators by it, and two imports at once could each create the same person.

-- Every writer lowercases e-mails; rows from before that rule are brought in line first.
UPDATE "Creator" SET "email" = lower(btrim("email")) WHERE "email" IS NOT NULL AND "email" <> lower(btrim("email"));

-- A workspace that already holds the same e-mail twice keeps it on its oldest creator; the others
-- lose it, and their notes say so, so the brand can merge them if they are one person. Nothing else
-- about them (links, clicks, conversions) changes.
WITH ranked AS (
  SELECT "id", "email",
         first_value("name") OVER same AS "keptName",
         row_number() OVER same AS "rank"
  FROM "Creator"
  WHERE "email" IS NOT NULL
  WINDOW same AS (PARTITION BY "workspaceId", "email" ORDER BY "createdAt", "id")
)
UPDATE "Creator" AS c
SET "email" = NULL,
    "notes" = concat_ws(E'\n\n', nullif(c."notes", ''),
                        'E-mail ' || ranked."email" || ' was also on ' || ranked."keptName" || ', an earlier creator in this workspace; it stays there. Merge the two if they are the same person.')
FROM ranked
WHERE c."id" = ranked."id" AND ranked."rank" > 1;

-- CreateIndex
CREATE UNIQUE INDEX "Creator_workspaceId_email_key" ON "Creator"("workspaceId", "email");
