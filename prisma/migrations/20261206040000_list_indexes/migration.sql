-- Page 1 of every list sort without sorting the whole table (issue 17), checked with EXPLAIN ANALYZE on the
-- benchmark data (50 000 doctors, 20 000 applications of one programme, the city bureau's staff: 817
-- organisations in scope). Each index is the list's ORDER BY, its tie-breakers included, so PostgreSQL walks
-- it and stops at the page instead of reading and sorting every row in scope.

-- The doctor list by sex, birth date or department (then name, then id). Before: 192 / 78 / 82 ms, a sort of
-- all 50 000 doctors in scope each.
CREATE INDEX "Doctor_sex_name_id_idx" ON "Doctor"("sex", "name", "id");
CREATE INDEX "Doctor_birthDate_name_id_idx" ON "Doctor"("birthDate", "name", "id");
CREATE INDEX "Doctor_department_name_id_idx" ON "Doctor"("department", "name", "id");

-- The application list by stage or by status (then newest first, then id: NULLS LAST as the list orders,
-- which Prisma's schema cannot say). Before: 44 / 57 ms, a sort of the programme's 20 000 applications.
CREATE INDEX "Application_currentStage_submittedAt_id_idx" ON "Application"("currentStage", "submittedAt" DESC NULLS LAST, "id");
CREATE INDEX "Application_status_submittedAt_id_idx" ON "Application"("status", "submittedAt" DESC NULLS LAST, "id");

-- The application list by post (title, then batch): PostgreSQL walks the posts in that order and each post's
-- applications by the (postId, currentStage) index, sorting only one post's rows at a time. Before: 42–72 ms, a
-- sort of all 20 000; after: 1.3 ms.
CREATE INDEX "Post_title_rotationBatch_idx" ON "Post"("title", "rotationBatch");
