-- The service lists sort and page in SQL (issue 15). Two of them can grow long enough to want an index
-- for their default order, so that page 1 reads 20 rows rather than sorting the table:
-- the leave queue (the waiting statuses, oldest filed first, ties by id) ...
CREATE INDEX "LeaveRequest_status_filedAt_id_idx" ON "LeaveRequest"("status", "filedAt", "id");

-- ... and the dispatch list (the latest arrival first, ties by id).
CREATE INDEX "Dispatch_startDate_id_idx" ON "Dispatch"("startDate" DESC, "id");
