-- The daily digest of the to-do inbox (issue 16): one row per user and Beijing calendar day, inserted
-- in the same transaction as the digest's notification. The unique (userId, day) is what makes the
-- digest go out once a day, never twice, however many app instances (or scripts) run it at once: a
-- second runner's insert waits for the first's commit and then conflicts, and writes nothing.
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "notificationId" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DigestRun_userId_day_key" ON "DigestRun"("userId", "day");

ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
