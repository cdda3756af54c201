-- Issue 13: the audit trail is append-only, enforced by PostgreSQL itself (docs/decisions/0026).
-- Even the database user the app runs as (the owner, a superuser on the embedded server, whom
-- grants do not bind) cannot change, delete or truncate an audit row: every UPDATE and DELETE row
-- and every TRUNCATE statement on "AuditEvent" goes through audit_event_append_only(), which
-- raises an error.
-- One exception, for the retention purge: redactCaseAudit(tx, caseId) in
-- lib/platform/audit/redact-case-audit.ts sets the transaction-local setting app.audit_redaction to
-- the case id, and then an UPDATE of that case's rows is let through when the only change is
-- before and/or after becoming {"redacted": true}. Everything else about the row stays identical.
-- The function body holds semicolons: prisma/migration-adapter.ts splits a migration at the
-- semicolons that end a statement only (outside dollar quotes), so it runs as one statement.

CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."caseId" IS NOT NULL
       AND current_setting('app.audit_redaction', true) = OLD."caseId"
       AND (to_jsonb(NEW) - 'before' - 'after') = (to_jsonb(OLD) - 'before' - 'after')
       AND (NEW."before" IS NOT DISTINCT FROM OLD."before" OR NEW."before" = '{"redacted": true}'::jsonb)
       AND (NEW."after" IS NOT DISTINCT FROM OLD."after" OR NEW."after" = '{"redacted": true}'::jsonb)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit events cannot be changed or deleted (% on "AuditEvent" refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'The audit trail is append-only (docs/decisions/0026). Personal data is redacted with redactCaseAudit.';
END
$fn$;

CREATE TRIGGER "AuditEvent_append_only_row"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER "AuditEvent_append_only_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
