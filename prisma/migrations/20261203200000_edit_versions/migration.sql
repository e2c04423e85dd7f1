-- Lost updates (issue 12): every edit form and PATCH carries the version it started from, and a
-- stale one is refused (409). Each editable record counts its changes; an update checks and raises it.
ALTER TABLE "Doctor" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Program" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Post" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Organization" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
