-- Issue 12: the database refuses rewriting history — also to the app itself.
--
-- 1. Every append-only table (one with a trigger calling refuse_append_only_change() on UPDATE or
--    DELETE) also refuses TRUNCATE: StageDecision had no such guard (TRUNCATE … CASCADE emptied
--    decisions and their attachments). ensure_append_only_guards() finds them by inspecting the
--    triggers, so a table added by a later migration is covered too: the migration runner calls it
--    after every run (prisma/migrate.ts).
-- 2. grant_app_privileges(role): the privileges of the app's login role, computed the same way —
--    read and write on ordinary tables, INSERT and SELECT only on append-only ones, nothing on the
--    migration history, no DDL (it owns nothing). Migrations run as the owner; the runner re-grants
--    after every run when an app role is named (APP_DATABASE_ROLE / scripts/start.ts).

CREATE FUNCTION "append_only_tables"() RETURNS SETOF regclass LANGUAGE sql STABLE AS $$
    SELECT DISTINCT t.tgrelid::regclass
    FROM pg_trigger t
    JOIN pg_proc p ON p.oid = t.tgfoid
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE p.proname = 'refuse_append_only_change'
      AND n.nspname = current_schema()
      AND NOT t.tgisinternal
      -- tgtype bits: 8 = DELETE, 16 = UPDATE
      AND (t.tgtype::int & (8 | 16)) <> 0
$$;

CREATE FUNCTION "ensure_append_only_guards"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    tbl regclass;
    added integer := 0;
BEGIN
    FOR tbl IN SELECT * FROM "append_only_tables"() LOOP
        IF NOT EXISTS (
            SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE t.tgrelid = tbl AND p.proname = 'refuse_append_only_change' AND (t.tgtype::int & 32) <> 0 -- 32 = TRUNCATE
        ) THEN
            EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()',
                (SELECT relname FROM pg_class WHERE oid = tbl) || '_no_truncate', tbl);
            added := added + 1;
        END IF;
    END LOOP;
    RETURN added;
END;
$$;

SELECT "ensure_append_only_guards"();

CREATE FUNCTION "grant_app_privileges"(app_role name) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    tbl regclass;
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', current_schema(), app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', current_schema(), app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app_role);
    FOR tbl IN SELECT * FROM "append_only_tables"() LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM %I', tbl, app_role);
    END LOOP;
    IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON "_prisma_migrations" FROM %I', app_role);
    END IF;
END;
$$;
