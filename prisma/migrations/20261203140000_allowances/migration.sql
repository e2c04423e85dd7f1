-- Allowances (issue 13): the programme's policy items and each dispatch's payment lines, in whole fen.
-- A new role for finance offices (docs/decisions/003-finance-role.md). PostgreSQL accepts ADD VALUE in
-- a transaction as long as the value is not used before it commits; this migration does not use it.
ALTER TYPE "Role" ADD VALUE 'FINANCE_OFFICER';

-- CreateEnum
CREATE TYPE "AllowanceKind" AS ENUM ('ONE_TIME', 'MONTHLY', 'PER_EVENT');

-- CreateEnum
CREATE TYPE "AllowancePayer" AS ENUM ('DISPATCHING_UNIT', 'BUREAU_FINANCE', 'FUND_POOL');

-- CreateEnum
CREATE TYPE "AllowancePayee" AS ENUM ('DOCTOR', 'RECEIVING_UNIT');

-- CreateEnum
CREATE TYPE "AllowanceStart" AS ENUM ('DEPARTURE', 'ARRIVAL');

-- CreateEnum
CREATE TYPE "AllowanceLineKind" AS ENUM ('SCHEDULED', 'ADJUSTMENT', 'EVENT');

-- CreateEnum
CREATE TYPE "AllowanceLineStatus" AS ENUM ('UNPAID', 'PAID');

-- CreateTable
CREATE TABLE "AllowanceItem" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AllowanceKind" NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "payer" "AllowancePayer" NOT NULL,
    "payee" "AllowancePayee" NOT NULL,
    "startsAt" "AllowanceStart" NOT NULL,
    "note" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AllowanceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllowanceLine" (
    "id" TEXT NOT NULL,
    "dispatchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" "AllowanceLineKind" NOT NULL,
    "isGenerated" BOOLEAN NOT NULL,
    "slotKey" TEXT,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "daysServed" INTEGER,
    "monthDays" INTEGER,
    "rateFen" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "payer" "AllowancePayer" NOT NULL,
    "payee" "AllowancePayee" NOT NULL,
    "reason" TEXT,
    "paidBeforeFen" INTEGER,
    "adjustsLineId" TEXT,
    "status" "AllowanceLineStatus" NOT NULL DEFAULT 'UNPAID',
    "voucherNumber" TEXT,
    "paidOn" DATE,
    "paidById" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllowanceLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AllowanceItem_programId_name_key" ON "AllowanceItem"("programId", "name");

-- CreateIndex
CREATE INDEX "AllowanceLine_dispatchId_dueDate_idx" ON "AllowanceLine"("dispatchId", "dueDate");

-- CreateIndex
CREATE INDEX "AllowanceLine_status_dueDate_idx" ON "AllowanceLine"("status", "dueDate");

-- CreateIndex
CREATE INDEX "AllowanceLine_itemId_idx" ON "AllowanceLine"("itemId");

-- CreateIndex
CREATE INDEX "AllowanceLine_paidOn_idx" ON "AllowanceLine"("paidOn");

-- AddForeignKey
ALTER TABLE "AllowanceItem" ADD CONSTRAINT "AllowanceItem_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "Dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AllowanceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_adjustsLineId_fkey" FOREIGN KEY ("adjustsLineId") REFERENCES "AllowanceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Money is whole fen within ±1 000 000 yuan; an item has a positive amount; only an adjustment may be
-- negative (never zero); a monthly line's days lie within its month; a paid line has its voucher and date.
ALTER TABLE "AllowanceItem" ADD CONSTRAINT "AllowanceItem_amount_check" CHECK ("amountFen" > 0 AND "amountFen" <= 100000000);
ALTER TABLE "AllowanceItem" ADD CONSTRAINT "AllowanceItem_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 100);
ALTER TABLE "AllowanceItem" ADD CONSTRAINT "AllowanceItem_version_check" CHECK ("version" >= 1);
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_amount_check" CHECK (
  abs("amountFen") <= 100000000 AND "rateFen" > 0 AND "rateFen" <= 100000000
  AND (("kind" = 'ADJUSTMENT' AND "amountFen" <> 0) OR ("kind" <> 'ADJUSTMENT' AND "amountFen" > 0)));
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_period_check" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_days_check" CHECK (
  ("daysServed" IS NULL AND "monthDays" IS NULL)
  OR ("monthDays" BETWEEN 28 AND 31 AND "daysServed" BETWEEN 1 AND "monthDays"));
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_generated_check" CHECK (
  ("isGenerated" AND "slotKey" IS NOT NULL AND "kind" <> 'EVENT') OR (NOT "isGenerated" AND "slotKey" IS NULL AND "kind" <> 'SCHEDULED'));
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_reason_check" CHECK ("isGenerated" OR length(btrim(coalesce("reason", ''))) >= 2);
ALTER TABLE "AllowanceLine" ADD CONSTRAINT "AllowanceLine_paid_check" CHECK (
  ("status" = 'PAID') = ("voucherNumber" IS NOT NULL AND "paidOn" IS NOT NULL AND "paidById" IS NOT NULL AND "paidAt" IS NOT NULL));

-- A paid line is history: the database refuses to change or delete it (marking an unpaid line paid
-- is the one update it allows), and refuses TRUNCATE of the table.
CREATE FUNCTION "refuse_paid_allowance_line_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PAID' THEN
    RAISE EXCEPTION 'a paid allowance line cannot be changed or deleted (line %)', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AllowanceLine_paid_frozen" BEFORE UPDATE OR DELETE ON "AllowanceLine" FOR EACH ROW EXECUTE FUNCTION "refuse_paid_allowance_line_change"();
CREATE TRIGGER "AllowanceLine_no_truncate" BEFORE TRUNCATE ON "AllowanceLine" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
