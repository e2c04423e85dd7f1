-- Screening pages (issue 17). Deep pages seeked with OFFSET over the (postId, verdict, doctorName,
-- doctorId) index, but the scope's employer filter sent every skipped row to the table (≈ 25 000 heap
-- fetches, 260–515 ms): with employerId as the indexes' trailing column the seek to a page's first
-- row is an index-only scan, and the page's rows are read from there (lib/server/eligibility.ts).
DROP INDEX "ScreeningVerdict_postId_verdict_doctorName_doctorId_idx";
DROP INDEX "ScreeningVerdict_postId_doctorName_doctorId_idx";
DROP INDEX "ScreeningVerdict_postId_verdict_employerId_idx";
CREATE INDEX "ScreeningVerdict_page_by_verdict_idx" ON "ScreeningVerdict"("postId", "verdict", "doctorName", "doctorId", "employerId");
CREATE INDEX "ScreeningVerdict_page_idx" ON "ScreeningVerdict"("postId", "doctorName", "doctorId", "employerId");

-- The counts per verdict, kept per post and employer in the same statement that writes the verdicts
-- (statement triggers over the transition tables: one grouped upsert per INSERT … ON CONFLICT, not
-- one per row), so the tabs' counts under a scope are a sum over at most (employers × 3) rows, even
-- right after a rewrite left the verdicts' pages not all-visible. Rows are touched in key order, so
-- a job chunk and a doctor's edit in flight at once wait for each other rather than deadlock. No
-- foreign keys: a post's or doctor's cascade delete brings its counts to 0 through the same trigger.
CREATE TABLE "ScreeningVerdictCount" (
    "postId" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "verdict" "EligibilityVerdict" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ScreeningVerdictCount_pkey" PRIMARY KEY ("postId","employerId","verdict")
);

INSERT INTO "ScreeningVerdictCount" ("postId", "employerId", "verdict", "n")
SELECT "postId", "employerId", "verdict", count(*) FROM "ScreeningVerdict" GROUP BY 1, 2, 3;

CREATE FUNCTION "screening_count_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ScreeningVerdictCount" ("postId", "employerId", "verdict", "n")
  SELECT "postId", "employerId", "verdict", count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("postId", "employerId", "verdict") DO UPDATE SET "n" = "ScreeningVerdictCount"."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE FUNCTION "screening_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ScreeningVerdictCount" ("postId", "employerId", "verdict", "n")
  SELECT "postId", "employerId", "verdict", sum(delta) FROM (
    SELECT "postId", "employerId", "verdict", 1 AS delta FROM new_rows
    UNION ALL
    SELECT "postId", "employerId", "verdict", -1 AS delta FROM old_rows
  ) moved GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("postId", "employerId", "verdict") DO UPDATE SET "n" = "ScreeningVerdictCount"."n" + EXCLUDED."n";
  RETURN NULL;
END $$;

CREATE FUNCTION "screening_count_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ScreeningVerdictCount" c SET "n" = c."n" - gone.n
  FROM (SELECT "postId", "employerId", "verdict", count(*) AS n FROM old_rows GROUP BY 1, 2, 3) gone
  WHERE c."postId" = gone."postId" AND c."employerId" = gone."employerId" AND c."verdict" = gone."verdict";
  RETURN NULL;
END $$;

CREATE TRIGGER "ScreeningVerdict_count_insert" AFTER INSERT ON "ScreeningVerdict"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "screening_count_add"();
CREATE TRIGGER "ScreeningVerdict_count_update" AFTER UPDATE ON "ScreeningVerdict"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "screening_count_move"();
CREATE TRIGGER "ScreeningVerdict_count_delete" AFTER DELETE ON "ScreeningVerdict"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "screening_count_remove"();
