-- A human registration number per programme (issue 15): 2013-援疆-001 — the programme's year, its short
-- name (a word of its name, else its kind: lib/domain/registration-number.ts), and the application's
-- place in the programme's order of creation. The programme holds the last sequence handed out; the
-- transaction that creates an application raises it (the row lock makes concurrent creations wait).
ALTER TABLE "Program" ADD COLUMN "lastRegistrationSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Application" ADD COLUMN "registrationNo" TEXT;

-- Existing applications, numbered in creation order within their programme.
WITH numbered AS (
  SELECT a.id,
         po."programId",
         ROW_NUMBER() OVER (PARTITION BY po."programId" ORDER BY a."createdAt", a.id) AS seq
    FROM "Application" a
    JOIN "Post" po ON po.id = a."postId"
)
UPDATE "Application" a
   SET "registrationNo" = p.year::text || '-' ||
         CASE
           WHEN p.name LIKE '%援疆%' THEN '援疆'
           WHEN p.name LIKE '%援藏%' THEN '援藏'
           WHEN p.name LIKE '%援青%' THEN '援青'
           WHEN p.name LIKE '%援外%' THEN '援外'
           WHEN p.name LIKE '%县聘乡用%' THEN '县聘乡用'
           WHEN p.name LIKE '%对口支援%' THEN '对口支援'
           WHEN p.kind = 'LONG_TERM_AID' THEN '援派'
           WHEN p.kind = 'COUNTY_HIRE_TOWNSHIP_USE' THEN '县聘乡用'
           WHEN p.kind = 'COUNTERPART_SUPPORT' THEN '对口支援'
           ELSE '项目'
         END || '-' || LPAD(n.seq::text, GREATEST(3, LENGTH(n.seq::text)), '0')
  FROM numbered n
  JOIN "Program" p ON p.id = n."programId"
 WHERE a.id = n.id;

UPDATE "Program" p
   SET "lastRegistrationSeq" = c.total
  FROM (SELECT po."programId", COUNT(*)::int AS total FROM "Application" a JOIN "Post" po ON po.id = a."postId" GROUP BY po."programId") c
 WHERE p.id = c."programId";
