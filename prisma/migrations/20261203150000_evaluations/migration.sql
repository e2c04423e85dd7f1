-- Evaluations (issue 14): schemes as data, the annual assessment, its append-only scores.

-- CreateEnum
CREATE TYPE "EvaluationParty" AS ENUM ('RECEIVING_UNIT', 'BUREAU', 'DISPATCHING_UNIT', 'SUPPORT_HEALTH_DEPT', 'RECEIVING_HEALTH_DEPT', 'SUPPORT_INSTITUTION', 'RECEIVING_INSTITUTION', 'SECONDED_STAFF', 'MENTORED_STAFF');

-- CreateEnum
CREATE TYPE "AssessmentGrade" AS ENUM ('EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('SCORING', 'FINALISED');

-- CreateTable
CREATE TABLE "EvaluationScheme" (
    "id" TEXT NOT NULL,
    "bureauId" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "quotaPercent" INTEGER NOT NULL DEFAULT 15,
    "minServedPercent" INTEGER NOT NULL DEFAULT 50,
    "basedOnId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationSchemeParty" (
    "id" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "party" "EvaluationParty" NOT NULL,
    "weight" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,

    CONSTRAINT "EvaluationSchemeParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAspect" (
    "id" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxPoints" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,

    CONSTRAINT "EvaluationAspect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationGradeBand" (
    "id" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "grade" "AssessmentGrade" NOT NULL,
    "minTotal" INTEGER NOT NULL,

    CONSTRAINT "EvaluationGradeBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "schemeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'SCORING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finalisedById" TEXT,
    "finalisedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSubject" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "dispatchingOrgId" TEXT NOT NULL,
    "receivingOrgId" TEXT NOT NULL,
    "servedDays" INTEGER NOT NULL,
    "assessed" BOOLEAN NOT NULL,
    "total" INTEGER,
    "grade" "AssessmentGrade",

    CONSTRAINT "AssessmentSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "party" "EvaluationParty" NOT NULL,
    "points" JSONB NOT NULL,
    "sum" INTEGER NOT NULL,
    "submitted" BOOLEAN NOT NULL,
    "correctionReason" TEXT,
    "byUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvaluationScheme_bureauId_idx" ON "EvaluationScheme"("bureauId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationSchemeParty_schemeId_party_key" ON "EvaluationSchemeParty"("schemeId", "party");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationAspect_schemeId_sequence_key" ON "EvaluationAspect"("schemeId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationGradeBand_schemeId_grade_key" ON "EvaluationGradeBand"("schemeId", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_programId_year_key" ON "Assessment"("programId", "year");

-- CreateIndex
CREATE INDEX "AssessmentSubject_receivingOrgId_idx" ON "AssessmentSubject"("receivingOrgId");

-- CreateIndex
CREATE INDEX "AssessmentSubject_dispatchingOrgId_idx" ON "AssessmentSubject"("dispatchingOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSubject_assessmentId_doctorId_key" ON "AssessmentSubject"("assessmentId", "doctorId");

-- CreateIndex
CREATE INDEX "AssessmentScore_subjectId_party_createdAt_idx" ON "AssessmentScore"("subjectId", "party", "createdAt");

-- AddForeignKey
ALTER TABLE "EvaluationScheme" ADD CONSTRAINT "EvaluationScheme_bureauId_fkey" FOREIGN KEY ("bureauId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScheme" ADD CONSTRAINT "EvaluationScheme_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "EvaluationScheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationSchemeParty" ADD CONSTRAINT "EvaluationSchemeParty_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "EvaluationScheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationAspect" ADD CONSTRAINT "EvaluationAspect_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "EvaluationScheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationGradeBand" ADD CONSTRAINT "EvaluationGradeBand_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "EvaluationScheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "EvaluationScheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSubject" ADD CONSTRAINT "AssessmentSubject_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSubject" ADD CONSTRAINT "AssessmentSubject_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSubject" ADD CONSTRAINT "AssessmentSubject_dispatchingOrgId_fkey" FOREIGN KEY ("dispatchingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSubject" ADD CONSTRAINT "AssessmentSubject_receivingOrgId_fkey" FOREIGN KEY ("receivingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "AssessmentSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What must never be stored: a weight or a maximum outside 1–100, a band outside 0–100.00 points, a
-- quota or served share outside 0–100 %, a point below zero, a sum that is not the points' sum, a year
-- out of range, a total outside 0–100.00.
ALTER TABLE "EvaluationScheme" ADD CONSTRAINT "EvaluationScheme_quota_check" CHECK ("quotaPercent" BETWEEN 0 AND 100 AND "minServedPercent" BETWEEN 0 AND 100);
ALTER TABLE "EvaluationSchemeParty" ADD CONSTRAINT "EvaluationSchemeParty_weight_check" CHECK ("weight" BETWEEN 1 AND 100);
ALTER TABLE "EvaluationAspect" ADD CONSTRAINT "EvaluationAspect_maxPoints_check" CHECK ("maxPoints" BETWEEN 1 AND 100);
ALTER TABLE "EvaluationGradeBand" ADD CONSTRAINT "EvaluationGradeBand_minTotal_check" CHECK ("minTotal" BETWEEN 0 AND 10000);
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "AssessmentSubject" ADD CONSTRAINT "AssessmentSubject_values_check" CHECK ("servedDays" BETWEEN 0 AND 366 AND ("total" IS NULL OR "total" BETWEEN 0 AND 10000));
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_points_check" CHECK (
  jsonb_typeof("points") = 'array' AND jsonb_array_length("points") BETWEEN 1 AND 20 AND "sum" BETWEEN 0 AND 1000
);

-- Scores are history: a correction is a new row, never an edit.
CREATE TRIGGER "AssessmentScore_append_only" BEFORE UPDATE OR DELETE ON "AssessmentScore" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "AssessmentScore_no_truncate" BEFORE TRUNCATE ON "AssessmentScore" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();

-- The built-in schemes every bureau may use. Seed 001 (万州区“县聘乡用”): receiving unit, bureau and
-- dispatching unit at 60:30:10, five aspects of 20 points, 优秀 for at most 15 % of those who served
-- half a year or more; the default. Seed 003 (传帮带): six parties, a template (weights and aspects
-- chosen here; the seed names the parties only).
INSERT INTO "EvaluationScheme" ("id", "bureauId", "name", "description", "isDefault", "quotaPercent", "minServedPercent") VALUES
  ('scheme_annual_default', NULL, '年度考核（接收单位、卫生健康委、派出单位 60:30:10）', '服务期满半年以上人员年度考核单列，按15%的比例评定优秀等次；考核结果反馈派出单位，不占派出单位优秀指标。', true, 15, 50),
  ('scheme_six_party', NULL, '“传帮带”六方考核', '支援、受援地卫生健康部门，支援机构、受援机构，支援人员、受援人员六方考核。', false, 15, 50);
INSERT INTO "EvaluationSchemeParty" ("id", "schemeId", "party", "weight", "sequence") VALUES
  ('scheme_annual_default_p1', 'scheme_annual_default', 'RECEIVING_UNIT', 60, 1),
  ('scheme_annual_default_p2', 'scheme_annual_default', 'BUREAU', 30, 2),
  ('scheme_annual_default_p3', 'scheme_annual_default', 'DISPATCHING_UNIT', 10, 3),
  ('scheme_six_party_p1', 'scheme_six_party', 'SUPPORT_HEALTH_DEPT', 15, 1),
  ('scheme_six_party_p2', 'scheme_six_party', 'RECEIVING_HEALTH_DEPT', 20, 2),
  ('scheme_six_party_p3', 'scheme_six_party', 'SUPPORT_INSTITUTION', 15, 3),
  ('scheme_six_party_p4', 'scheme_six_party', 'RECEIVING_INSTITUTION', 25, 4),
  ('scheme_six_party_p5', 'scheme_six_party', 'SECONDED_STAFF', 10, 5),
  ('scheme_six_party_p6', 'scheme_six_party', 'MENTORED_STAFF', 15, 6);
INSERT INTO "EvaluationAspect" ("id", "schemeId", "name", "maxPoints", "sequence") VALUES
  ('scheme_annual_default_a1', 'scheme_annual_default', '履职情况', 20, 1),
  ('scheme_annual_default_a2', 'scheme_annual_default', '工作作风', 20, 2),
  ('scheme_annual_default_a3', 'scheme_annual_default', '出勤情况', 20, 3),
  ('scheme_annual_default_a4', 'scheme_annual_default', '工作量', 20, 4),
  ('scheme_annual_default_a5', 'scheme_annual_default', '工作业绩', 20, 5),
  ('scheme_six_party_a1', 'scheme_six_party', '传帮带成效', 30, 1),
  ('scheme_six_party_a2', 'scheme_six_party', '业务工作', 25, 2),
  ('scheme_six_party_a3', 'scheme_six_party', '工作作风', 15, 3),
  ('scheme_six_party_a4', 'scheme_six_party', '出勤纪律', 15, 4),
  ('scheme_six_party_a5', 'scheme_six_party', '受援单位能力提升', 15, 5);
INSERT INTO "EvaluationGradeBand" ("id", "schemeId", "grade", "minTotal") VALUES
  ('scheme_annual_default_g1', 'scheme_annual_default', 'EXCELLENT', 9000),
  ('scheme_annual_default_g2', 'scheme_annual_default', 'COMPETENT', 7000),
  ('scheme_annual_default_g3', 'scheme_annual_default', 'BASICALLY_COMPETENT', 6000),
  ('scheme_annual_default_g4', 'scheme_annual_default', 'INCOMPETENT', 0),
  ('scheme_six_party_g1', 'scheme_six_party', 'EXCELLENT', 9000),
  ('scheme_six_party_g2', 'scheme_six_party', 'COMPETENT', 7000),
  ('scheme_six_party_g3', 'scheme_six_party', 'BASICALLY_COMPETENT', 6000),
  ('scheme_six_party_g4', 'scheme_six_party', 'INCOMPETENT', 0);
