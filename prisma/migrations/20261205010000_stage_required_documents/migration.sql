-- Required documents per stage (issue 15: passing a stage without them was never refused). A
-- programme lists, per stage kind, the attachment kinds an application must carry to pass it; a pass
-- without them needs a written exception, kept on the decision with the kinds it waived. The
-- columns are nullable, so adding them rewrites no row of the append-only "StageDecision".
CREATE TABLE "ProgramStageDocument" (
    "programId" TEXT NOT NULL,
    "stage" "StageKind" NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    CONSTRAINT "ProgramStageDocument_pkey" PRIMARY KEY ("programId", "stage", "kind")
);

ALTER TABLE "ProgramStageDocument" ADD CONSTRAINT "ProgramStageDocument_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StageDecision" ADD COLUMN "documentException" TEXT;
ALTER TABLE "StageDecision" ADD COLUMN "waivedDocuments" JSONB;
