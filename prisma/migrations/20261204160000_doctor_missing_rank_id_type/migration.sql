-- Missing data stays missing (issue 15): a blank 职务级别 was stored as 医师 (the column's default),
-- so the eligibility engine judged a rank no one had entered. The rank is now null until someone
-- enters it, and the engine says 待核实.
ALTER TABLE "Doctor" ALTER COLUMN "positionRank" DROP NOT NULL;
ALTER TABLE "Doctor" ALTER COLUMN "positionRank" DROP DEFAULT;

-- A doctor whose identity document is not a mainland resident ID (Hong Kong/Macao or Taiwan permit,
-- a foreign passport) can be recorded: the document's type is stored beside its number, and only a
-- mainland ID is checked against its check digit and the birth date (entered by hand for the others).
-- Every doctor recorded so far passed the mainland check.
CREATE TYPE "IdType" AS ENUM ('MAINLAND_ID', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT');
ALTER TABLE "Doctor" ADD COLUMN "idType" "IdType" NOT NULL DEFAULT 'MAINLAND_ID';
