-- Page 1 of a list without sorting the whole table (issue 17).
-- The application list, newest first (ORDER BY "submittedAt" DESC NULLS LAST, id): on the benchmark's
-- 20 000 applications PostgreSQL read them all and sorted them for 20 rows (88.7 ms); with this index it
-- walks the newest and stops at 20 (1.1 ms). NULLS LAST as the query orders (Prisma's schema cannot say it).
CREATE INDEX "Application_submittedAt_id_idx" ON "Application"("submittedAt" DESC NULLS LAST, "id");

-- The inbox, newest first (ORDER BY "createdAt" DESC, id DESC) for one user.
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC);
