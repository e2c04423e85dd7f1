-- Dispatch and service (issue 11): dispatches with their appended events, leave, attendance,
-- work logs, mentoring pairs, hand-over packets; the programme's service rules.


-- AlterEnum
ALTER TYPE "AttachmentKind" ADD VALUE 'LEAVE_CERTIFICATE' BEFORE 'OTHER';

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "absenceLimit" INTEGER,
ADD COLUMN     "handoverOverlapDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "homeLeavesPerYear" INTEGER,
ADD COLUMN     "leaveFilingThresholdDays" INTEGER,
ADD COLUMN     "noticeWorkingDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "spouseVisitMaxMonths" INTEGER,
ADD COLUMN     "spouseVisitsMax" INTEGER;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "leaveRequestId" TEXT;

-- CreateEnum
CREATE TYPE "DispatchStatus" AS ENUM ('PLANNED', 'ACTIVE', 'COMPLETED', 'TERMINATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DispatchEventKind" AS ENUM ('CREATED', 'ACTIVATED', 'COMPLETED', 'TERMINATED', 'EXTENDED', 'CANCELLED', 'LAST_DAY_MOVED', 'UPDATED');

-- CreateEnum
CREATE TYPE "LeaveKind" AS ENUM ('HOME_LEAVE', 'SPOUSE_VISIT', 'SICK', 'PERSONAL');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING_SUPERVISOR', 'PENDING_BUREAU', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('SPOT_CHECK', 'ROUTINE', 'UNAPPROVED_LEAVE');

-- CreateEnum
CREATE TYPE "WorkLogStatus" AS ENUM ('SUBMITTED', 'CONFIRMED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MentoringOutcome" AS ENUM ('IN_PROGRESS', 'LICENCE_EXAM_PASSED', 'TITLE_EXAM_PASSED', 'COMPLETED', 'ENDED');

-- CreateTable
CREATE TABLE "Dispatch" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "receivingOrgId" TEXT NOT NULL,
    "rotationBatch" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "serviceMonths" INTEGER NOT NULL,
    "plannedLastDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "actingPosition" TEXT,
    "predecessorId" TEXT,
    "status" "DispatchStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

CONSTRAINT "Dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchEvent" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "kind" "DispatchEventKind" NOT NULL,
    "fromLastDay" DATE,
    "toLastDay" DATE,
    "effectiveOn" DATE,
    "reason" TEXT,
    "actedById" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "DispatchEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "kind" "LeaveKind" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "LeaveStatus" NOT NULL DEFAULT 'PENDING_SUPERVISOR',
    "extendsService" BOOLEAN NOT NULL DEFAULT false,
    "filedById" TEXT NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supervisorDecidedById" TEXT,
    "supervisorDecidedAt" TIMESTAMPTZ(3),
    "supervisorComment" TEXT,
    "bureauDecidedById" TEXT,
    "bureauDecidedAt" TIMESTAMPTZ(3),
    "bureauComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceCheck" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "source" "AttendanceSource" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "isPresent" BOOLEAN NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "AttendanceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkLog" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "outpatients" INTEGER NOT NULL DEFAULT 0,
    "operations" INTEGER NOT NULL DEFAULT 0,
    "caseDiscussions" INTEGER NOT NULL DEFAULT 0,
    "juniorsMentored" INTEGER NOT NULL DEFAULT 0,
    "lectures" INTEGER NOT NULL DEFAULT 0,
    "newTechniques" JSONB NOT NULL DEFAULT '[]',
    "freeClinics" INTEGER NOT NULL DEFAULT 0,
    "donatedMedicineFen" INTEGER NOT NULL DEFAULT 0,
    "teaching" JSONB NOT NULL DEFAULT '{}',
    "otherWork" TEXT,
    "status" "WorkLogStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reviewComment" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "filedById" TEXT NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

CONSTRAINT "WorkLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringPair" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "menteeName" TEXT NOT NULL,
    "menteeTitle" TEXT,
    "menteeDepartment" TEXT,
    "goals" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "outcome" "MentoringOutcome" NOT NULL DEFAULT 'IN_PROGRESS',
    "outcomeNote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

CONSTRAINT "MentoringPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverPacket" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "openCases" TEXT NOT NULL,
    "mentees" TEXT NOT NULL,
    "projects" TEXT NOT NULL,
    "contacts" TEXT NOT NULL,
    "notes" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

CONSTRAINT "HandoverPacket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverRead" (
    "id" TEXT NOT NULL,
    "packetId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "HandoverRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_leaveRequestId_idx" ON "Attachment"("leaveRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispatch_applicationId_key" ON "Dispatch"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispatch_predecessorId_key" ON "Dispatch"("predecessorId");

-- CreateIndex
CREATE INDEX "Dispatch_programId_status_idx" ON "Dispatch"("programId", "status");

-- CreateIndex
CREATE INDEX "Dispatch_postId_startDate_idx" ON "Dispatch"("postId", "startDate");

-- CreateIndex
CREATE INDEX "Dispatch_receivingOrgId_status_idx" ON "Dispatch"("receivingOrgId", "status");

-- CreateIndex
CREATE INDEX "Dispatch_doctorId_startDate_idx" ON "Dispatch"("doctorId", "startDate");

-- CreateIndex
CREATE INDEX "DispatchEvent_dispatchId_at_idx" ON "DispatchEvent"("dispatchId", "at");

-- CreateIndex
CREATE INDEX "LeaveRequest_dispatchId_startDate_idx" ON "LeaveRequest"("dispatchId", "startDate");

-- CreateIndex
CREATE INDEX "LeaveRequest_status_idx" ON "LeaveRequest"("status");

-- CreateIndex
CREATE INDEX "AttendanceCheck_dispatchId_startDate_idx" ON "AttendanceCheck"("dispatchId", "startDate");

-- CreateIndex
CREATE INDEX "WorkLog_dispatchId_status_idx" ON "WorkLog"("dispatchId", "status");

-- CreateIndex
CREATE INDEX "WorkLog_status_periodStart_idx" ON "WorkLog"("status", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "WorkLog_dispatchId_periodStart_key" ON "WorkLog"("dispatchId", "periodStart");

-- CreateIndex
CREATE INDEX "MentoringPair_dispatchId_idx" ON "MentoringPair"("dispatchId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverPacket_dispatchId_key" ON "HandoverPacket"("dispatchId");

-- CreateIndex
CREATE UNIQUE INDEX "HandoverRead_packetId_userId_key" ON "HandoverRead"("packetId", "userId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_leaveRequestId_fkey" FOREIGN KEY ("leaveRequestId") REFERENCES "LeaveRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_receivingOrgId_fkey" FOREIGN KEY ("receivingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchEvent" ADD CONSTRAINT "DispatchEvent_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchEvent" ADD CONSTRAINT "DispatchEvent_actedById_fkey" FOREIGN KEY ("actedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCheck" ADD CONSTRAINT "AttendanceCheck_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCheck" ADD CONSTRAINT "AttendanceCheck_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringPair" ADD CONSTRAINT "MentoringPair_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverPacket" ADD CONSTRAINT "HandoverPacket_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRead" ADD CONSTRAINT "HandoverRead_packetId_fkey" FOREIGN KEY ("packetId") REFERENCES "HandoverPacket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Constraints the database keeps, whatever the application does ─────────────

-- One doctor never holds two overlapping live dispatches (startDate..lastDay, both days included),
-- also under concurrent requests. btree_gist gives text equality a GiST operator class; it is a
-- trusted extension, bundled with PostgreSQL's contrib and with PGlite (loaded by lib/embedded-db.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_doctor_no_overlap"
  EXCLUDE USING gist ("doctorId" WITH =, daterange("startDate", "lastDay", '[]') WITH &&)
  WHERE ("status" <> 'CANCELLED');

ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_dates_check" CHECK ("lastDay" >= "startDate" AND "plannedLastDay" >= "startDate");
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_serviceMonths_check" CHECK ("serviceMonths" > 0 AND "serviceMonths" <= 120);
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_rotationBatch_check" CHECK ("rotationBatch" >= 1);
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_predecessor_not_self_check" CHECK ("predecessorId" IS NULL OR "predecessorId" <> "id");
ALTER TABLE "Dispatch" ADD CONSTRAINT "Dispatch_version_check" CHECK ("version" >= 1);

ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_dates_check" CHECK ("endDate" >= "startDate");
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_days_check" CHECK ("days" = ("endDate" - "startDate") + 1);

ALTER TABLE "AttendanceCheck" ADD CONSTRAINT "AttendanceCheck_dates_check" CHECK ("endDate" >= "startDate");

ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_period_check" CHECK ("periodEnd" >= "periodStart" AND "periodEnd" - "periodStart" <= 6);
ALTER TABLE "WorkLog" ADD CONSTRAINT "WorkLog_counts_check" CHECK (
  "outpatients" BETWEEN 0 AND 5000 AND "operations" BETWEEN 0 AND 200 AND "caseDiscussions" BETWEEN 0 AND 200
  AND "juniorsMentored" BETWEEN 0 AND 500 AND "lectures" BETWEEN 0 AND 100 AND "freeClinics" BETWEEN 0 AND 100
  AND "donatedMedicineFen" BETWEEN 0 AND 100000000000);

ALTER TABLE "MentoringPair" ADD CONSTRAINT "MentoringPair_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

ALTER TABLE "Program" ADD CONSTRAINT "Program_service_rules_check" CHECK (
  "noticeWorkingDays" BETWEEN 1 AND 30 AND ("leaveFilingThresholdDays" IS NULL OR "leaveFilingThresholdDays" >= 1)
  AND ("absenceLimit" IS NULL OR "absenceLimit" >= 0) AND ("homeLeavesPerYear" IS NULL OR "homeLeavesPerYear" >= 0)
  AND ("spouseVisitsMax" IS NULL OR "spouseVisitsMax" >= 0) AND ("spouseVisitMaxMonths" IS NULL OR "spouseVisitMaxMonths" >= 1)
  AND "handoverOverlapDays" BETWEEN 0 AND 90);

-- A dispatch's history is appended, never rewritten.
CREATE TRIGGER "DispatchEvent_append_only" BEFORE UPDATE OR DELETE ON "DispatchEvent" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "DispatchEvent_no_truncate" BEFORE TRUNCATE ON "DispatchEvent" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
