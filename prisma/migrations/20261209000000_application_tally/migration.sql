-- Applications counted by post, stage and status (issue 17: the vetting board and programme health
-- at 20 users on a 20 000-application programme; issue 16: "materialised where needed and refreshed
-- on change").
--
-- The board (lib/server/vetting.ts) and the health page's posts, stages and ratio figures
-- (lib/server/program-health.ts) each grouped every application of the programme per request (100–
-- 240 ms a query on the bench data, several per page). "ApplicationTally" holds those groups: one row
-- per post, current stage and status with how many applications stand there. It is kept by the
-- statement triggers below in the same transaction as whatever changes "Application" (the use cases,
-- the seed, the bench generator, a fix by hand), as "WorkloadMonth" is: each statement adds the rows it
-- wrote and takes away the rows it replaced or deleted (transition tables, one aggregate per statement).
-- Deltas, not recomputation, so two transactions moving applications of the same post both count
-- (INSERT … ON CONFLICT DO UPDATE waits for the other's row lock and adds to what it committed). A group
-- left empty is deleted, so the table equals a fresh GROUP BY over "Application".

-- CreateTable
CREATE TABLE "ApplicationTally" (
    "postId" TEXT NOT NULL,
    "currentStage" "StageKind" NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ApplicationTally_pkey" PRIMARY KEY ("postId","currentStage","status")
);

-- AddForeignKey
ALTER TABLE "ApplicationTally" ADD CONSTRAINT "ApplicationTally_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ApplicationTally" ADD CONSTRAINT "ApplicationTally_n_check" CHECK ("n" >= 0);

-- One statement's change to "Application", added to "ApplicationTally". `new_rows` / `old_rows` are the
-- statement's transition tables (absent for an INSERT's old rows and a DELETE's new ones). An UPDATE that
-- leaves post, stage and status as they were adds and takes away the same row: nothing changes.
CREATE FUNCTION "application_tally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n."postId", n."currentStage", n."status" FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o."postId", o."currentStage", o."status" FROM old_rows o'
    ELSE 'SELECT 1 AS sign, n."postId", n."currentStage", n."status" FROM new_rows n
          UNION ALL SELECT -1 AS sign, o."postId", o."currentStage", o."status" FROM old_rows o'
  END;
BEGIN
  -- Only the groups whose count moves: a touched row that kept its group nets to zero and is skipped,
  -- so saving an application's other fields takes no lock on the tally.
  EXECUTE format($sql$
    WITH delta AS (
      SELECT w."postId", w."currentStage", w."status", sum(w.sign)::int AS n
      FROM (%s) w GROUP BY 1, 2, 3 HAVING sum(w.sign) <> 0
    ), added AS (
      INSERT INTO "ApplicationTally" AS t ("postId", "currentStage", "status", "n")
      SELECT "postId", "currentStage", "status", n FROM delta WHERE n > 0
      ON CONFLICT ("postId", "currentStage", "status") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING 1
    )
    UPDATE "ApplicationTally" t SET "n" = t."n" + d.n
    FROM delta d
    WHERE d.n < 0 AND t."postId" = d."postId" AND t."currentStage" = d."currentStage" AND t."status" = d."status"
  $sql$, changed);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($sql$
      DELETE FROM "ApplicationTally" t
      USING (SELECT DISTINCT w."postId", w."currentStage", w."status" FROM (%s) w WHERE w.sign < 0) k
      WHERE t."postId" = k."postId" AND t."currentStage" = k."currentStage" AND t."status" = k."status" AND t."n" = 0
    $sql$, changed);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "application_tally_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ApplicationTally";
  RETURN NULL;
END $$;

CREATE TRIGGER "Application_tally_insert" AFTER INSERT ON "Application" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_tally_apply"();
CREATE TRIGGER "Application_tally_update" AFTER UPDATE ON "Application" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_tally_apply"();
CREATE TRIGGER "Application_tally_delete" AFTER DELETE ON "Application" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_tally_apply"();
CREATE TRIGGER "Application_tally_truncate" AFTER TRUNCATE ON "Application" FOR EACH STATEMENT EXECUTE FUNCTION "application_tally_clear"();

-- Backfill: the applications already there.
INSERT INTO "ApplicationTally" ("postId", "currentStage", "status", "n")
SELECT "postId", "currentStage", "status", count(*)::int FROM "Application" GROUP BY 1, 2, 3;
