-- Deleting or regenerating allowance lines checks the self-referencing foreign key of adjusting
-- lines ("adjustsLineId"); without an index PostgreSQL scans the whole table once per deleted row
-- (regenerating 2 000 dispatches' schedules did not finish in 5 minutes in bench/allowances).
CREATE INDEX "AllowanceLine_adjustsLineId_idx" ON "AllowanceLine"("adjustsLineId");
