-- A reason given once for a decision over several applications may name candidates of other units:
-- it is kept for the bureau's staff only, and the units and doctors concerned get a neutral notice
-- (issue 15: a reason naming 诸暨's candidate reached 绍兴's notifications). Adding a column with a
-- default rewrites no row, so the append-only guard on "StageDecision" is untouched.
ALTER TABLE "StageDecision" ADD COLUMN "reasonStaffOnly" BOOLEAN NOT NULL DEFAULT false;
