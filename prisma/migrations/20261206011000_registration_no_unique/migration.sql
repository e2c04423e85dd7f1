-- 报名编号 is unique per programme (issue 15). The number is handed out in the application's own
-- transaction from the programme's counter (UPDATE "Program" … RETURNING: the row lock makes
-- concurrent creations wait, lib/server/registration-numbers.ts), so it cannot repeat; this is the
-- database's last word on it. Two programmes of one year and kind may share a number, so the
-- constraint is on the programme and the number: the application carries its post's programme,
-- kept by a trigger (the application code never sets it; a post never changes programme).
ALTER TABLE "Application" ADD COLUMN "programId" TEXT;

UPDATE "Application" a
   SET "programId" = po."programId"
  FROM "Post" po
 WHERE po.id = a."postId";

ALTER TABLE "Application" ADD CONSTRAINT "Application_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE UNIQUE INDEX "Application_programId_registrationNo_key" ON "Application"("programId", "registrationNo");

CREATE FUNCTION application_program_of_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT po."programId" INTO NEW."programId" FROM "Post" po WHERE po.id = NEW."postId";
  RETURN NEW;
END
$$;

CREATE TRIGGER "Application_programId_from_post"
  BEFORE INSERT OR UPDATE OF "postId", "programId" ON "Application"
  FOR EACH ROW EXECUTE FUNCTION application_program_of_post();
