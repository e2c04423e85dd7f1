-- Evaluations, second part (issue 14): raters without an account score through a single-use link;
-- the end-of-service evaluation form (服务期满评价表, seed 001's attachment) with its procedure, public
-- notice, objections and result.

-- A score is given by an account or through a rater link, never both, never neither. A correction
-- (a reason given) is always a submission.
ALTER TABLE "AssessmentScore" ALTER COLUMN "byUserId" DROP NOT NULL;
ALTER TABLE "AssessmentScore" ADD COLUMN "raterLinkId" TEXT;
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_rater_check" CHECK (("byUserId" IS NULL) <> ("raterLinkId" IS NULL));
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_correction_check" CHECK ("correctionReason" IS NULL OR "submitted");

-- CreateTable
CREATE TABLE "RaterLink" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "party" "EvaluationParty" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "raterName" TEXT NOT NULL,
    "email" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RaterLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RaterLink_tokenHash_key" ON "RaterLink"("tokenHash");
CREATE INDEX "RaterLink_subjectId_idx" ON "RaterLink"("subjectId");
CREATE INDEX "AssessmentScore_raterLinkId_idx" ON "AssessmentScore"("raterLinkId");

-- AddForeignKey
ALTER TABLE "RaterLink" ADD CONSTRAINT "RaterLink_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "AssessmentSubject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RaterLink" ADD CONSTRAINT "RaterLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RaterLink" ADD CONSTRAINT "RaterLink_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_raterLinkId_fkey" FOREIGN KEY ("raterLinkId") REFERENCES "RaterLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Only the SHA-256 of the token is kept (64 hex digits); a link lives at most 90 days.
ALTER TABLE "RaterLink" ADD CONSTRAINT "RaterLink_values_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$' AND "expiresAt" > "createdAt" AND "expiresAt" <= "createdAt" + interval '90 days');

-- CreateEnum
CREATE TYPE "ServiceEvaluationStatus" AS ENUM ('FILLING', 'NOTICE', 'ISSUED');

-- CreateEnum
CREATE TYPE "ServiceEvaluationResult" AS ENUM ('PASS', 'FAIL');

-- CreateTable
CREATE TABLE "ServiceEvaluation" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "status" "ServiceEvaluationStatus" NOT NULL DEFAULT 'FILLING',
    "mainTasks" TEXT,
    "workload" JSONB NOT NULL,
    "summary" TEXT,
    "dispatchingOpinion" TEXT,
    "dispatchingOpinionOn" DATE,
    "receivingOpinion" TEXT,
    "receivingOpinionOn" DATE,
    "virtues" JSONB NOT NULL DEFAULT '{}',
    "talksOn" DATE,
    "talksNote" TEXT,
    "democraticOn" DATE,
    "democraticNote" TEXT,
    "collectiveOn" DATE,
    "collectiveNote" TEXT,
    "noticeStartsOn" DATE,
    "noticeEndsOn" DATE,
    "authorityOpinion" TEXT,
    "authorityOpinionOn" DATE,
    "result" "ServiceEvaluationResult",
    "countsAsGrassroots" BOOLEAN,
    "issuedById" TEXT,
    "issuedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceEvaluationObjection" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "objector" TEXT,
    "content" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "ServiceEvaluationObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceEvaluation_dispatchId_key" ON "ServiceEvaluation"("dispatchId");
CREATE INDEX "ServiceEvaluationObjection_evaluationId_idx" ON "ServiceEvaluationObjection"("evaluationId");

-- AddForeignKey
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEvaluationObjection" ADD CONSTRAINT "ServiceEvaluationObjection_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "ServiceEvaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEvaluationObjection" ADD CONSTRAINT "ServiceEvaluationObjection_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ServiceEvaluationObjection" ADD CONSTRAINT "ServiceEvaluationObjection_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What must never be stored: a notice that ends before it starts, a result without its issuer, date
-- and notice, a form in notice without its period.
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_notice_check" CHECK (
  ("noticeStartsOn" IS NULL) = ("noticeEndsOn" IS NULL) AND ("noticeEndsOn" IS NULL OR "noticeEndsOn" >= "noticeStartsOn")
  AND ("status" = 'FILLING' OR "noticeEndsOn" IS NOT NULL)
);
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_result_check" CHECK (
  ("status" = 'ISSUED') = ("result" IS NOT NULL) AND ("result" IS NULL OR ("issuedById" IS NOT NULL AND "issuedAt" IS NOT NULL AND "countsAsGrassroots" IS NOT NULL))
);
ALTER TABLE "ServiceEvaluation" ADD CONSTRAINT "ServiceEvaluation_workload_check" CHECK (jsonb_typeof("workload") = 'object' AND jsonb_typeof("virtues") = 'object');
