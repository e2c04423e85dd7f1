-- The screening store (issue 17): each post × doctor verdict with its reasons, and the re-evaluation
-- jobs that any app instance claims (FOR UPDATE SKIP LOCKED) after a rule, cut-off or post changes.
-- The page reads ("postId", "verdict", "doctorName", "doctorId") in index order: no sort, no judging.
CREATE TYPE "ScreeningJobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE');

CREATE TABLE "ScreeningVerdict" (
    "postId" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "doctorName" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "verdict" "EligibilityVerdict" NOT NULL,
    "reasons" JSONB NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "doctorVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScreeningVerdict_pkey" PRIMARY KEY ("postId","doctorId")
);

-- Room on each page for a rewrite of the same row (a rule change rewrites rulesVersion and reasons,
-- mostly not the verdict): such updates stay on the page (HOT) and touch no index.
ALTER TABLE "ScreeningVerdict" SET (fillfactor = 70);

CREATE INDEX "ScreeningVerdict_postId_verdict_doctorName_doctorId_idx" ON "ScreeningVerdict"("postId", "verdict", "doctorName", "doctorId");
CREATE INDEX "ScreeningVerdict_postId_doctorName_doctorId_idx" ON "ScreeningVerdict"("postId", "doctorName", "doctorId");
-- The counts per verdict under the caller's scope (employer in the subtree): an index-only scan.
CREATE INDEX "ScreeningVerdict_postId_verdict_employerId_idx" ON "ScreeningVerdict"("postId", "verdict", "employerId");
CREATE INDEX "ScreeningVerdict_doctorId_idx" ON "ScreeningVerdict"("doctorId");

ALTER TABLE "ScreeningVerdict" ADD CONSTRAINT "ScreeningVerdict_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScreeningVerdict" ADD CONSTRAINT "ScreeningVerdict_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ScreeningJob" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "status" "ScreeningJobStatus" NOT NULL DEFAULT 'PENDING',
    "cursor" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ScreeningJob_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ScreeningJob_postId_key" ON "ScreeningJob"("postId");
CREATE INDEX "ScreeningJob_status_requestedAt_idx" ON "ScreeningJob"("status", "requestedAt");

ALTER TABLE "ScreeningJob" ADD CONSTRAINT "ScreeningJob_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
