-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('BUREAU', 'HOSPITAL', 'TOWNSHIP_CENTRE', 'COMMUNITY_CENTRE', 'RECEIVING_HOSPITAL');

-- CreateEnum
CREATE TYPE "OrganizationLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "HospitalGrade" AS ENUM ('GRADE_3A', 'GRADE_3B', 'GRADE_2A', 'GRADE_2B', 'GRADE_1', 'UNGRADED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('BUREAU_ADMIN', 'BUREAU_STAFF', 'HOSPITAL_NOMINATOR', 'RECEIVING_SUPERVISOR', 'DOCTOR', 'AUDITOR');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('TECHNICAL_SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE');

-- CreateEnum
CREATE TYPE "TitleLevel" AS ENUM ('JUNIOR', 'INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR');

-- CreateEnum
CREATE TYPE "PractisingCategory" AS ENUM ('CLINICAL', 'TCM', 'DENTAL', 'PUBLIC_HEALTH');

-- CreateEnum
CREATE TYPE "PositionRank" AS ENUM ('STAFF', 'ATTENDING_LEAD', 'DEPUTY_DEPARTMENT_HEAD', 'DEPARTMENT_HEAD', 'VICE_PRESIDENT', 'PRESIDENT');

-- CreateEnum
CREATE TYPE "ProgramKind" AS ENUM ('LONG_TERM_AID', 'COUNTY_HIRE_TOWNSHIP_USE', 'COUNTERPART_SUPPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "ProgramStatus" AS ENUM ('DRAFT', 'OPEN', 'VETTING', 'DISPATCHING', 'IN_SERVICE', 'CLOSED');

-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('REGISTRATION', 'PRELIMINARY_REVIEW', 'PHYSICAL_EXAM', 'INSPECTION_SHORTLIST', 'INSPECTION', 'REPORT_LIST', 'APPROVAL');

-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('SELF', 'UNIT');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('PENDING_ENDORSEMENT', 'IN_PROGRESS', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EligibilityVerdict" AS ENUM ('ELIGIBLE', 'INELIGIBLE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('PASS', 'FAIL', 'WITHDRAW');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('APPLICATION_LETTER', 'FAMILY_CONSENT', 'REGISTRATION_FORM', 'PHYSICAL_EXAM', 'INSPECTION_MATERIAL', 'OTHER');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "kind" "OrganizationKind" NOT NULL,
    "level" "OrganizationLevel" NOT NULL,
    "grade" "HospitalGrade",
    "region" TEXT NOT NULL,
    "parentId" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT NOT NULL,
    "doctorId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "passwordChangedAt" TIMESTAMPTZ(3),
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Doctor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "idNumber" TEXT NOT NULL,
    "education" "Education" NOT NULL,
    "degree" TEXT,
    "major" TEXT,
    "employerId" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "practisingCategory" "PractisingCategory",
    "positionRank" "PositionRank" NOT NULL DEFAULT 'STAFF',
    "positionTitle" TEXT,
    "hireDate" DATE,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Doctor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleRecord" (
    "id" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "level" "TitleLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "obtainedOn" DATE NOT NULL,

    CONSTRAINT "TitleRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrassrootsServiceRecord" (
    "id" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "isFullTime" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,

    CONSTRAINT "GrassrootsServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "bureauId" TEXT NOT NULL,
    "kind" "ProgramKind" NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "batchNumber" INTEGER,
    "status" "ProgramStatus" NOT NULL DEFAULT 'DRAFT',
    "serviceMonths" INTEGER NOT NULL,
    "rotationBatches" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramStage" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "kind" "StageKind" NOT NULL,
    "sequence" INTEGER NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "ratio" INTEGER,

    CONSTRAINT "ProgramStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CutoffDate" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "CutoffDate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "receivingOrgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "rotationBatch" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityRule" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "postId" TEXT,
    "name" TEXT NOT NULL,
    "tree" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EligibilityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationQuota" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "nominatingOrgId" TEXT NOT NULL,
    "minimum" INTEGER NOT NULL,

    CONSTRAINT "NominationQuota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "doctorId" TEXT NOT NULL,
    "nominatingOrgId" TEXT NOT NULL,
    "source" "ApplicationSource" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "currentStage" "StageKind" NOT NULL DEFAULT 'REGISTRATION',
    "eligibilityVerdict" "EligibilityVerdict",
    "exceptionReason" TEXT,
    "rank" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageDecision" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "stage" "StageKind" NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "reason" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT,
    "doctorId" TEXT,
    "stageDecisionId" TEXT,
    "kind" "AttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,
    "storageKey" TEXT,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "actorRole" "Role",
    "actorOrgId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_doctorId_key" ON "User"("doctorId");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Doctor_idNumber_key" ON "Doctor"("idNumber");

-- CreateIndex
CREATE INDEX "Doctor_employerId_idx" ON "Doctor"("employerId");

-- CreateIndex
CREATE INDEX "Doctor_name_idx" ON "Doctor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TitleRecord_doctorId_level_specialty_key" ON "TitleRecord"("doctorId", "level", "specialty");

-- CreateIndex
CREATE INDEX "GrassrootsServiceRecord_doctorId_idx" ON "GrassrootsServiceRecord"("doctorId");

-- CreateIndex
CREATE INDEX "Program_bureauId_idx" ON "Program"("bureauId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramStage_programId_kind_key" ON "ProgramStage"("programId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramStage_programId_sequence_key" ON "ProgramStage"("programId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "CutoffDate_programId_code_key" ON "CutoffDate"("programId", "code");

-- CreateIndex
CREATE INDEX "Post_programId_idx" ON "Post"("programId");

-- CreateIndex
CREATE INDEX "EligibilityRule_programId_idx" ON "EligibilityRule"("programId");

-- CreateIndex
CREATE INDEX "EligibilityRule_postId_idx" ON "EligibilityRule"("postId");

-- CreateIndex
CREATE INDEX "NominationQuota_programId_idx" ON "NominationQuota"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "NominationQuota_postId_nominatingOrgId_key" ON "NominationQuota"("postId", "nominatingOrgId");

-- CreateIndex
CREATE INDEX "Application_postId_currentStage_idx" ON "Application"("postId", "currentStage");

-- CreateIndex
CREATE INDEX "Application_nominatingOrgId_idx" ON "Application"("nominatingOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_doctorId_postId_key" ON "Application"("doctorId", "postId");

-- CreateIndex
CREATE INDEX "StageDecision_applicationId_decidedAt_idx" ON "StageDecision"("applicationId", "decidedAt");

-- CreateIndex
CREATE INDEX "Attachment_applicationId_idx" ON "Attachment"("applicationId");

-- CreateIndex
CREATE INDEX "Attachment_doctorId_idx" ON "Attachment"("doctorId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorOrgId_at_idx" ON "AuditLog"("actorOrgId", "at");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Doctor" ADD CONSTRAINT "Doctor_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleRecord" ADD CONSTRAINT "TitleRecord_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrassrootsServiceRecord" ADD CONSTRAINT "GrassrootsServiceRecord_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_bureauId_fkey" FOREIGN KEY ("bureauId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramStage" ADD CONSTRAINT "ProgramStage_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CutoffDate" ADD CONSTRAINT "CutoffDate_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_receivingOrgId_fkey" FOREIGN KEY ("receivingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityRule" ADD CONSTRAINT "EligibilityRule_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityRule" ADD CONSTRAINT "EligibilityRule_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationQuota" ADD CONSTRAINT "NominationQuota_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationQuota" ADD CONSTRAINT "NominationQuota_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationQuota" ADD CONSTRAINT "NominationQuota_nominatingOrgId_fkey" FOREIGN KEY ("nominatingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_nominatingOrgId_fkey" FOREIGN KEY ("nominatingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageDecision" ADD CONSTRAINT "StageDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageDecision" ADD CONSTRAINT "StageDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_stageDecisionId_fkey" FOREIGN KEY ("stageDecisionId") REFERENCES "StageDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints Prisma cannot express
-- Written by hand: scripts/sql-from-schema.ts prints only the part above. The application checks
-- first and gives the user a good message, the database is the last line (CONVENTIONS.md, Data).

-- AddCheckConstraint
ALTER TABLE "User" ADD CONSTRAINT "User_failedLoginCount_check" CHECK ("failedLoginCount" >= 0);

-- AddCheckConstraint
ALTER TABLE "Program" ADD CONSTRAINT "Program_serviceMonths_check" CHECK ("serviceMonths" > 0);

-- AddCheckConstraint
ALTER TABLE "Program" ADD CONSTRAINT "Program_rotationBatches_check" CHECK ("rotationBatches" >= 1);

-- AddCheckConstraint
ALTER TABLE "ProgramStage" ADD CONSTRAINT "ProgramStage_closesAt_check" CHECK ("closesAt" > "opensAt");

-- AddCheckConstraint
ALTER TABLE "ProgramStage" ADD CONSTRAINT "ProgramStage_ratio_check" CHECK ("ratio" IS NULL OR "ratio" >= 1);

-- AddCheckConstraint
ALTER TABLE "Post" ADD CONSTRAINT "Post_headcount_check" CHECK ("headcount" > 0);

-- AddCheckConstraint
ALTER TABLE "NominationQuota" ADD CONSTRAINT "NominationQuota_minimum_check" CHECK ("minimum" >= 0);

-- AddCheckConstraint
ALTER TABLE "Application" ADD CONSTRAINT "Application_rank_check" CHECK ("rank" IS NULL OR "rank" >= 1);

-- AddCheckConstraint
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_sizeBytes_check" CHECK ("sizeBytes" >= 0);

-- AddCheckConstraint: the bytes are either in the row or on disk, never both, never neither.
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_content_storageKey_check" CHECK (num_nonnulls("content", "storageKey") = 1);

-- CreateFunction: append-only history, a correction is a new row.
CREATE FUNCTION "refuse_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed (a correction is a new row)', TG_TABLE_NAME, TG_OP
        USING TABLE = TG_TABLE_NAME;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();

-- CreateTrigger
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();

-- CreateTrigger
CREATE TRIGGER "StageDecision_append_only" BEFORE UPDATE OR DELETE ON "StageDecision" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
