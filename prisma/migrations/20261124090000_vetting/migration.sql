-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "StageReopening" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "stage" "StageKind" NOT NULL,
    "organizationId" TEXT NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageReopening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StageReopening_programId_stage_organizationId_idx" ON "StageReopening"("programId", "stage", "organizationId");

-- AddForeignKey
ALTER TABLE "StageReopening" ADD CONSTRAINT "StageReopening_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageReopening" ADD CONSTRAINT "StageReopening_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageReopening" ADD CONSTRAINT "StageReopening_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
