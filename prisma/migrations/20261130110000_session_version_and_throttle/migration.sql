-- Issue 9, items 1, 2, 3, 11: a session version per user (sign-out and deactivation end every
-- session), sign-in back-off per account, per address and per pair, and no raw emails kept by the
-- throttle or the audit trail.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- The old throttle rows were keyed by the raw email: they are short-lived counters, so they are
-- dropped rather than converted.
DELETE FROM "LoginThrottle";
ALTER TABLE "LoginThrottle" DROP COLUMN "lockedUntil";
ALTER TABLE "LoginThrottle" ADD COLUMN "windowStart" TIMESTAMPTZ(3) NOT NULL;
ALTER TABLE "LoginThrottle" ADD COLUMN "blockedUntil" TIMESTAMPTZ(3);
ALTER TABLE "LoginThrottle" ADD COLUMN "notifiedAt" TIMESTAMPTZ(3);

-- Failed sign-ins with an unknown email kept the email as the audit row's entityId: keep its digest
-- instead, the one lib/platform/audit.ts `personalDigest` computes (SHA-256 of the trimmed,
-- lower-cased email).
UPDATE "AuditEvent"
SET "entityId" = 'sha256:' || encode(sha256(convert_to(lower(btrim("entityId")), 'UTF8')), 'hex')
WHERE "entityType" = 'User' AND "action" IN ('auth.sign_in_failed', 'auth.locked_out') AND "entityId" LIKE '%@%';
