-- Issue 11: closing the round — the public notice (公示) of the approved list, objections (异议) and
-- their answers, and the frozen list's versions with the SHA-256 of their canonical content.
-- Every table here is append-only: a notice is published once (a later one supersedes it), an
-- objection is filed once and answered once (the answer is its own row), and a change of the
-- confirmed list is a new version. The triggers refuse UPDATE and DELETE; ensure_append_only_guards()
-- adds TRUNCATE guards and grant_app_privileges() keeps the app role to INSERT and SELECT on them.

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "rotationBatch" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "note" TEXT,
    "content" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "applicationIds" JSONB NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeObjection" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeObjection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeObjectionAnswer" (
    "id" TEXT NOT NULL,
    "objectionId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredById" TEXT NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeObjectionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrozenListVersion" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "rotationBatch" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "noticeId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "applicationIds" JSONB NOT NULL,
    "reason" TEXT,
    "confirmedById" TEXT NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrozenListVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicNotice_programId_rotationBatch_publishedAt_idx" ON "PublicNotice"("programId", "rotationBatch", "publishedAt");

-- CreateIndex
CREATE INDEX "NoticeObjection_noticeId_filedAt_idx" ON "NoticeObjection"("noticeId", "filedAt");

-- CreateIndex
CREATE INDEX "NoticeObjection_applicationId_idx" ON "NoticeObjection"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeObjectionAnswer_objectionId_key" ON "NoticeObjectionAnswer"("objectionId");

-- CreateIndex
CREATE UNIQUE INDEX "FrozenListVersion_programId_rotationBatch_version_key" ON "FrozenListVersion"("programId", "rotationBatch", "version");

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjectionAnswer" ADD CONSTRAINT "NoticeObjectionAnswer_objectionId_fkey" FOREIGN KEY ("objectionId") REFERENCES "NoticeObjection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeObjectionAnswer" ADD CONSTRAINT "NoticeObjectionAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenListVersion" ADD CONSTRAINT "FrozenListVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenListVersion" ADD CONSTRAINT "FrozenListVersion_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrozenListVersion" ADD CONSTRAINT "FrozenListVersion_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The database's own checks: a window of whole working days that ends on or after it starts; hashes
-- are 64 lowercase hex digits; versions count from 1; a reason is not blank when given.
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_window_check" CHECK ("endDate" >= "startDate" AND "workingDays" BETWEEN 1 AND 30 AND "rotationBatch" >= 1);
ALTER TABLE "PublicNotice" ADD CONSTRAINT "PublicNotice_hash_check" CHECK ("contentHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "NoticeObjection" ADD CONSTRAINT "NoticeObjection_reason_check" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "NoticeObjectionAnswer" ADD CONSTRAINT "NoticeObjectionAnswer_answer_check" CHECK (length(btrim("answer")) > 0);
ALTER TABLE "FrozenListVersion" ADD CONSTRAINT "FrozenListVersion_version_check" CHECK ("version" >= 1 AND "rotationBatch" >= 1 AND "contentHash" ~ '^[0-9a-f]{64}$' AND ("reason" IS NULL OR length(btrim("reason")) > 0));

-- Append-only.
CREATE TRIGGER "PublicNotice_append_only" BEFORE UPDATE OR DELETE ON "PublicNotice" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "PublicNotice_no_truncate" BEFORE TRUNCATE ON "PublicNotice" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "NoticeObjection_append_only" BEFORE UPDATE OR DELETE ON "NoticeObjection" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "NoticeObjection_no_truncate" BEFORE TRUNCATE ON "NoticeObjection" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "NoticeObjectionAnswer_append_only" BEFORE UPDATE OR DELETE ON "NoticeObjectionAnswer" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "NoticeObjectionAnswer_no_truncate" BEFORE TRUNCATE ON "NoticeObjectionAnswer" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "FrozenListVersion_append_only" BEFORE UPDATE OR DELETE ON "FrozenListVersion" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "FrozenListVersion_no_truncate" BEFORE TRUNCATE ON "FrozenListVersion" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
