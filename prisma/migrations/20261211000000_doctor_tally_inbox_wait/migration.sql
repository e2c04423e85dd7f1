-- The staff workbench on the province-sized registry (issue 17). Its one statement spent most of its
-- ~60 ms (EXPLAIN ANALYZE on the bench data: 50 068 doctors, 20 000 applications) on two things: counting
-- the doctors employed in the bureau's 821 units (a sequential scan of "Doctor", 27–30 ms) and grouping
-- the 14 250 applications under review by stage with the earliest of each group (24 ms). Every request
-- of every bureau user's landing page paid both, and so did the doctors list's total.
--
-- "DoctorTally" holds the doctors per employer, kept by statement triggers in the transaction that
-- changes "Doctor" (as "ApplicationTally" is: deltas from the transition tables, so two transactions
-- adding doctors to one unit both count; an employer left with none is deleted, so the table equals a
-- fresh GROUP BY). The scope's count is then a sum over at most its units' rows.

-- CreateTable
CREATE TABLE "DoctorTally" (
    "employerId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "DoctorTally_pkey" PRIMARY KEY ("employerId")
);

-- AddForeignKey
ALTER TABLE "DoctorTally" ADD CONSTRAINT "DoctorTally_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DoctorTally" ADD CONSTRAINT "DoctorTally_n_check" CHECK ("n" >= 0);

CREATE FUNCTION "doctor_tally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n."employerId" FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o."employerId" FROM old_rows o'
    ELSE 'SELECT 1 AS sign, n."employerId" FROM new_rows n UNION ALL SELECT -1 AS sign, o."employerId" FROM old_rows o'
  END;
BEGIN
  -- Only the employers whose count moves: editing a doctor's other fields takes no lock on the tally.
  EXECUTE format($sql$
    WITH delta AS (
      SELECT w."employerId", sum(w.sign)::int AS n FROM (%s) w GROUP BY 1 HAVING sum(w.sign) <> 0
    ), added AS (
      INSERT INTO "DoctorTally" AS t ("employerId", "n")
      SELECT "employerId", n FROM delta WHERE n > 0
      ON CONFLICT ("employerId") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING 1
    )
    UPDATE "DoctorTally" t SET "n" = t."n" + d.n FROM delta d WHERE d.n < 0 AND t."employerId" = d."employerId"
  $sql$, changed);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($sql$
      DELETE FROM "DoctorTally" t
      USING (SELECT DISTINCT w."employerId" FROM (%s) w WHERE w.sign < 0) k
      WHERE t."employerId" = k."employerId" AND t."n" = 0
    $sql$, changed);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "doctor_tally_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DoctorTally";
  RETURN NULL;
END $$;

CREATE TRIGGER "Doctor_tally_insert" AFTER INSERT ON "Doctor" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "doctor_tally_apply"();
CREATE TRIGGER "Doctor_tally_update" AFTER UPDATE ON "Doctor" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "doctor_tally_apply"();
CREATE TRIGGER "Doctor_tally_delete" AFTER DELETE ON "Doctor" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "doctor_tally_apply"();
CREATE TRIGGER "Doctor_tally_truncate" AFTER TRUNCATE ON "Doctor" FOR EACH STATEMENT EXECUTE FUNCTION "doctor_tally_clear"();

-- Backfill: the doctors already there.
INSERT INTO "DoctorTally" ("employerId", "n") SELECT "employerId", count(*)::int FROM "Doctor" GROUP BY 1;

-- The inbox's "waiting since" per stage: the earliest update among a post's applications at a stage and
-- status, read off this index per post and stage (the counts come from "ApplicationTally") instead of
-- grouping every application under review. It starts with the columns of the index it replaces, so it
-- serves that index's reads too.
DROP INDEX "Application_postId_currentStage_idx";
CREATE INDEX "Application_postId_currentStage_status_updatedAt_idx" ON "Application"("postId", "currentStage", "status", "updatedAt");
