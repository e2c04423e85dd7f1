-- Workforce indicators (seed 002, issue 16): the targets a bureau tracks over years for its region
-- (grassroots staff per 1 000 residents, GPs per 10 000, shares with a college degree or a mid-level
-- title …), their entered actuals per year and region, and the targeted medical students (定向医学生)
-- with the grassroots service they owe.
CREATE TYPE "IndicatorSource" AS ENUM ('REGISTRY', 'ENTERED');

CREATE TABLE "WorkforceIndicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "base" INTEGER NOT NULL,
    "source" "IndicatorSource" NOT NULL,
    "numeratorLabel" TEXT NOT NULL,
    "denominatorLabel" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkforceIndicator_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WorkforceFigure" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "target" DECIMAL(12,2),
    "numerator" INTEGER,
    "denominator" INTEGER,
    "enteredById" TEXT NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WorkforceFigure_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TargetedStudent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "school" TEXT NOT NULL,
    "graduationYear" INTEGER NOT NULL,
    "serviceYears" INTEGER NOT NULL,
    "serviceStartDate" DATE NOT NULL,
    "serviceOrgId" TEXT NOT NULL,
    "doctorId" TEXT,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TargetedStudent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "WorkforceIndicator_code_key" ON "WorkforceIndicator"("code");
CREATE UNIQUE INDEX "WorkforceIndicator_name_key" ON "WorkforceIndicator"("name");
CREATE INDEX "WorkforceFigure_organizationId_year_idx" ON "WorkforceFigure"("organizationId", "year");
CREATE UNIQUE INDEX "WorkforceFigure_indicatorId_organizationId_year_key" ON "WorkforceFigure"("indicatorId", "organizationId", "year");
CREATE INDEX "TargetedStudent_serviceOrgId_idx" ON "TargetedStudent"("serviceOrgId");
CREATE UNIQUE INDEX "TargetedStudent_name_school_graduationYear_key" ON "TargetedStudent"("name", "school", "graduationYear");

ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "WorkforceIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TargetedStudent" ADD CONSTRAINT "TargetedStudent_serviceOrgId_fkey" FOREIGN KEY ("serviceOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TargetedStudent" ADD CONSTRAINT "TargetedStudent_doctorId_fkey" FOREIGN KEY ("doctorId") REFERENCES "Doctor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TargetedStudent" ADD CONSTRAINT "TargetedStudent_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The database's own checks: a base of 100, 1 000 or 10 000; whole years; counts that are counts.
ALTER TABLE "WorkforceIndicator" ADD CONSTRAINT "WorkforceIndicator_base_check" CHECK ("base" IN (100, 1000, 10000));
ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_target_check" CHECK ("target" IS NULL OR "target" >= 0);
ALTER TABLE "WorkforceFigure" ADD CONSTRAINT "WorkforceFigure_counts_check" CHECK (("numerator" IS NULL) = ("denominator" IS NULL) AND ("numerator" IS NULL OR ("numerator" >= 0 AND "denominator" > 0)));
ALTER TABLE "TargetedStudent" ADD CONSTRAINT "TargetedStudent_serviceYears_check" CHECK ("serviceYears" BETWEEN 1 AND 20);
