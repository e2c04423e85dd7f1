-- How long applications wait in each stage, kept as decisions are recorded (issue 16's "stage
-- durations", issue 17's page time): programme health computed every decision's wait with LAG over all
-- the programme's decisions and each open application's last decision with a lateral max, per request
-- (about 530 ms on the bench data, 20 000 applications and 46 500 decisions).
--
-- "StageWait": per programme and stage, how many decisions were taken and the sum and the longest of
-- their waits, in seconds. A decision's wait runs from the application's previous decision (by
-- decidedAt, then id: the LAG's order) or, for its first, from its submission (its creation when it was
-- never submitted) to the decision. Decisions are append-only (StageDecision_append_only), so the
-- statement trigger below only ever adds: every inserted decision once, including several of one
-- application in one statement (the previous one is read from the table, which already holds them all).
-- "Application"."lastDecidedAt": the time of its latest decision, set by the same trigger, so an open
-- application's wait (from its latest decision or its submission to now) needs no look at the decisions.
-- Both assume decisions are recorded in time order (a decision back-dated before an earlier one would
-- not change the waits already counted); the app records every decision at the moment it is taken.

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "lastDecidedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "StageWait" (
    "programId" TEXT NOT NULL,
    "stage" "StageKind" NOT NULL,
    "decided" INTEGER NOT NULL,
    "totalSeconds" DOUBLE PRECISION NOT NULL,
    "longestSeconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "StageWait_pkey" PRIMARY KEY ("programId","stage")
);

-- AddForeignKey
ALTER TABLE "StageWait" ADD CONSTRAINT "StageWait_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "stage_wait_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StageWait" AS s ("programId", "stage", "decided", "totalSeconds", "longestSeconds")
  SELECT a."programId", n."stage", count(*)::int,
         sum(extract(epoch FROM n."decidedAt" - coalesce(prev.at, a."submittedAt", a."createdAt")))::float8,
         max(extract(epoch FROM n."decidedAt" - coalesce(prev.at, a."submittedAt", a."createdAt")))::float8
  FROM new_rows n
  JOIN "Application" a ON a.id = n."applicationId"
  LEFT JOIN LATERAL (
    SELECT max(sd."decidedAt") AS at FROM "StageDecision" sd
    WHERE sd."applicationId" = n."applicationId" AND (sd."decidedAt", sd.id) < (n."decidedAt", n.id)
  ) prev ON TRUE
  WHERE a."programId" IS NOT NULL
  GROUP BY 1, 2
  ON CONFLICT ("programId", "stage") DO UPDATE SET
    "decided" = s."decided" + EXCLUDED."decided",
    "totalSeconds" = s."totalSeconds" + EXCLUDED."totalSeconds",
    "longestSeconds" = greatest(s."longestSeconds", EXCLUDED."longestSeconds");

  UPDATE "Application" a SET "lastDecidedAt" = m.at
  FROM (SELECT "applicationId", max("decidedAt") AS at FROM new_rows GROUP BY 1) m
  WHERE a.id = m."applicationId" AND (a."lastDecidedAt" IS NULL OR a."lastDecidedAt" < m.at);
  RETURN NULL;
END $$;

CREATE TRIGGER "StageDecision_wait_insert" AFTER INSERT ON "StageDecision" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stage_wait_add"();

-- Backfill: the decisions already there, as the LAG counted them.
UPDATE "Application" a SET "lastDecidedAt" = m.at
FROM (SELECT "applicationId", max("decidedAt") AS at FROM "StageDecision" GROUP BY 1) m
WHERE a.id = m."applicationId";

INSERT INTO "StageWait" ("programId", "stage", "decided", "totalSeconds", "longestSeconds")
SELECT w."programId", w."stage", count(*)::int, sum(w.seconds)::float8, max(w.seconds)::float8
FROM (
  SELECT a."programId", sd."stage",
         extract(epoch FROM sd."decidedAt" - coalesce(lag(sd."decidedAt") OVER (PARTITION BY sd."applicationId" ORDER BY sd."decidedAt", sd.id), a."submittedAt", a."createdAt")) AS seconds
  FROM "StageDecision" sd JOIN "Application" a ON a.id = sd."applicationId"
  WHERE a."programId" IS NOT NULL
) w
GROUP BY 1, 2;
