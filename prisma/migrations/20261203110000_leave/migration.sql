-- Leave and attendance (issue 11): the database keeps what the use cases check first.

-- One dispatch's live leave (waiting for a decision, or approved) never covers a day twice, also
-- when two requests are filed at the same moment. Refused and cancelled leave hold no days.
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_no_overlap"
  EXCLUDE USING gist ("dispatchId" WITH =, daterange("startDate", "endDate", '[]') WITH &&)
  WHERE ("status" IN ('PENDING_SUPERVISOR', 'PENDING_BUREAU', 'APPROVED'));

ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_version_check" CHECK ("version" >= 1);
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_reason_check" CHECK (length("reason") BETWEEN 1 AND 2000);
-- Only leave that extends service passes through the bureau.
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_bureau_step_check" CHECK ("status" <> 'PENDING_BUREAU' OR "extendsService");

-- Leave taken without approval is always an absence.
ALTER TABLE "AttendanceCheck" ADD CONSTRAINT "AttendanceCheck_unapproved_leave_absent_check" CHECK ("source" <> 'UNAPPROVED_LEAVE' OR NOT "isPresent");

-- Attendance is the record absences are counted from: appended, never rewritten.
CREATE TRIGGER "AttendanceCheck_append_only" BEFORE UPDATE OR DELETE ON "AttendanceCheck" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "AttendanceCheck_no_truncate" BEFORE TRUNCATE ON "AttendanceCheck" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
