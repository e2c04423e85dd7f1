-- Work logs and mentoring (issue 11, worklog part): a mentoring pair carries a version for optimistic
-- concurrency; a log's teaching actions are an object of whole counts and its new techniques a short
-- array, so that a client writing past the schema cannot store what the totals could not add up.

-- AlterTable
ALTER TABLE "MentoringPair" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_json_shape_check" CHECK (
  jsonb_typeof("teaching") = 'object' AND jsonb_typeof("newTechniques") = 'array' AND jsonb_array_length("newTechniques") <= 20);

