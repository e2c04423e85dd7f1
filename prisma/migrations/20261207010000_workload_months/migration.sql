-- Confirmed workload by dispatch and month (issue 16, "materialised where needed and refreshed on
-- change"), and the new departments a log reports (seed 003: 新建业务科室).
--
-- "WorkloadMonth" holds one row per dispatch and month (the month of a log's first day) with the
-- sums of its CONFIRMED logs; the programme-health figure, the workload totals and a doctor's
-- timeline read it instead of summing every log (1.1 million on the bench data). It is kept by the
-- statement triggers below, in the same transaction as whatever changes "WorkLog" (the use cases, the
-- seed, the bench generator, a fix by hand): each statement adds the confirmed rows it wrote and takes
-- away the confirmed rows it replaced or deleted (transition tables, one pass per statement, so a bulk
-- insert of a million logs is one aggregate). Deltas, not recomputation: two transactions confirming
-- logs of the same month both add (INSERT … ON CONFLICT DO UPDATE waits for the other's row lock and
-- adds to what it committed), where recomputing would let the later one overwrite the other's count.
-- A month left with no confirmed log is deleted, so the table equals a fresh GROUP BY over the logs.

-- AlterTable
ALTER TABLE "WorkLog" ADD COLUMN "newDepartments" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_new_departments_shape_check" CHECK (
  jsonb_typeof("newDepartments") = 'array' AND jsonb_array_length("newDepartments") <= 10);

-- CreateTable
CREATE TABLE "WorkloadMonth" (
    "dispatchId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "logs" INTEGER NOT NULL,
    "outpatients" INTEGER NOT NULL,
    "operations" INTEGER NOT NULL,
    "caseDiscussions" INTEGER NOT NULL,
    "juniorsMentored" INTEGER NOT NULL,
    "lectures" INTEGER NOT NULL,
    "newTechniques" INTEGER NOT NULL,
    "newDepartments" INTEGER NOT NULL,
    "freeClinics" INTEGER NOT NULL,
    "donatedMedicineFen" BIGINT NOT NULL,
    "teachingActions" INTEGER NOT NULL,
    "traineesHosted" INTEGER NOT NULL,

    CONSTRAINT "WorkloadMonth_pkey" PRIMARY KEY ("dispatchId","month")
);

-- AddForeignKey
ALTER TABLE "WorkloadMonth" ADD CONSTRAINT "WorkloadMonth_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "WorkloadMonth" ADD CONSTRAINT "WorkloadMonth_month_check" CHECK ("month" = date_trunc('month', "month")::date);

-- One statement's change to the confirmed workload, added to "WorkloadMonth". `new_rows` / `old_rows`
-- are the statement's transition tables (absent for an INSERT's old rows and a DELETE's new ones).
CREATE FUNCTION "workload_month_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, n.* FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, o.* FROM old_rows o'
    ELSE 'SELECT 1 AS sign, n.* FROM new_rows n UNION ALL SELECT -1 AS sign, o.* FROM old_rows o'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO "WorkloadMonth" AS m ("dispatchId", "month", "logs", "outpatients", "operations", "caseDiscussions", "juniorsMentored",
                                     "lectures", "newTechniques", "newDepartments", "freeClinics", "donatedMedicineFen", "teachingActions", "traineesHosted")
    SELECT w."dispatchId", date_trunc('month', w."periodStart")::date, sum(w.sign),
           sum(w.sign * w."outpatients"), sum(w.sign * w."operations"), sum(w.sign * w."caseDiscussions"), sum(w.sign * w."juniorsMentored"),
           sum(w.sign * w."lectures"), sum(w.sign * jsonb_array_length(w."newTechniques")), sum(w.sign * jsonb_array_length(w."newDepartments")),
           sum(w.sign * w."freeClinics"), sum(w.sign * w."donatedMedicineFen"),
           sum(w.sign * (SELECT coalesce(sum(t.value::int), 0) FROM jsonb_each_text(w."teaching") t)),
           sum(w.sign * coalesce((w."teaching" ->> 'TRAINEE_HOSTING')::int, 0))
    FROM (%s) w
    WHERE w."status" = 'CONFIRMED'
    GROUP BY 1, 2
    ON CONFLICT ("dispatchId", "month") DO UPDATE SET
      "logs" = m."logs" + EXCLUDED."logs",
      "outpatients" = m."outpatients" + EXCLUDED."outpatients",
      "operations" = m."operations" + EXCLUDED."operations",
      "caseDiscussions" = m."caseDiscussions" + EXCLUDED."caseDiscussions",
      "juniorsMentored" = m."juniorsMentored" + EXCLUDED."juniorsMentored",
      "lectures" = m."lectures" + EXCLUDED."lectures",
      "newTechniques" = m."newTechniques" + EXCLUDED."newTechniques",
      "newDepartments" = m."newDepartments" + EXCLUDED."newDepartments",
      "freeClinics" = m."freeClinics" + EXCLUDED."freeClinics",
      "donatedMedicineFen" = m."donatedMedicineFen" + EXCLUDED."donatedMedicineFen",
      "teachingActions" = m."teachingActions" + EXCLUDED."teachingActions",
      "traineesHosted" = m."traineesHosted" + EXCLUDED."traineesHosted"
  $sql$, changed);
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format($sql$
      DELETE FROM "WorkloadMonth" m
      USING (SELECT DISTINCT w."dispatchId", date_trunc('month', w."periodStart")::date AS month FROM (%s) w WHERE w."status" = 'CONFIRMED') k
      WHERE m."dispatchId" = k."dispatchId" AND m."month" = k.month AND m."logs" = 0
    $sql$, changed);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "workload_month_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "WorkloadMonth";
  RETURN NULL;
END $$;

CREATE TRIGGER "WorkLog_workload_insert" AFTER INSERT ON "WorkLog" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workload_month_apply"();
CREATE TRIGGER "WorkLog_workload_update" AFTER UPDATE ON "WorkLog" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workload_month_apply"();
CREATE TRIGGER "WorkLog_workload_delete" AFTER DELETE ON "WorkLog" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "workload_month_apply"();
CREATE TRIGGER "WorkLog_workload_truncate" AFTER TRUNCATE ON "WorkLog" FOR EACH STATEMENT EXECUTE FUNCTION "workload_month_clear"();

-- Backfill: the confirmed logs already there.
INSERT INTO "WorkloadMonth" ("dispatchId", "month", "logs", "outpatients", "operations", "caseDiscussions", "juniorsMentored",
                             "lectures", "newTechniques", "newDepartments", "freeClinics", "donatedMedicineFen", "teachingActions", "traineesHosted")
SELECT w."dispatchId", date_trunc('month', w."periodStart")::date, count(*),
       sum(w."outpatients"), sum(w."operations"), sum(w."caseDiscussions"), sum(w."juniorsMentored"),
       sum(w."lectures"), sum(jsonb_array_length(w."newTechniques")), sum(jsonb_array_length(w."newDepartments")),
       sum(w."freeClinics"), sum(w."donatedMedicineFen"),
       sum((SELECT coalesce(sum(t.value::int), 0) FROM jsonb_each_text(w."teaching") t)),
       sum(coalesce((w."teaching" ->> 'TRAINEE_HOSTING')::int, 0))
FROM "WorkLog" w
WHERE w."status" = 'CONFIRMED'
GROUP BY 1, 2;
