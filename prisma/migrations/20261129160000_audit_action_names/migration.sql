-- Audit action names in one style: `<entity>.<what_happened>`, snake_case, past tense
-- (lib/platform/audit.ts, docs/decisions/0004-one-layout-per-feature.md). Data only: rows written
-- before the rename are given their new names so a search by action finds them all.
UPDATE "AuditEvent" SET "action" = CASE "action"
  WHEN 'auth.sign_in' THEN 'auth.signed_in'
  WHEN 'auth.locked' THEN 'auth.locked_out'
  WHEN 'case.created' THEN 'case.referral_logged'
  WHEN 'case.self_referral' THEN 'case.self_referral_received'
  WHEN 'case.details.update' THEN 'case.details_updated'
  WHEN 'party.create' THEN 'party.added'
  WHEN 'party.update' THEN 'party.updated'
  WHEN 'party.consent' THEN 'party.consent_recorded'
  WHEN 'case.startContacting' THEN 'case.contacting_started'
  WHEN 'case.requestConsent' THEN 'case.consent_requested'
  WHEN 'case.allocate' THEN 'case.mediator_allocated'
  WHEN 'case.reallocate' THEN 'case.mediator_changed'
  WHEN 'case.declineDrs' THEN 'case.drs_declined'
  WHEN 'case.startPreparing' THEN 'case.preparation_started'
  WHEN 'case.scheduleMeeting' THEN 'case.meeting_scheduled'
  WHEN 'case.recordNotArranged' THEN 'case.not_arranged_recorded'
  WHEN 'case.issueNotArrangedCertificate' THEN 'case.not_arranged_certificate_issued'
  WHEN 'case.recordHealthNotified' THEN 'case.health_body_notified'
  WHEN 'case.recordMeetingHeld' THEN 'case.meeting_held'
  WHEN 'case.issueCertificate' THEN 'case.certificate_issued'
  WHEN 'case.startMonitoring' THEN 'case.monitoring_started'
  WHEN 'case.close' THEN 'case.closed'
  WHEN 'case.chooseAdviceOnly' THEN 'case.advice_only_chosen'
  WHEN 'case.withdraw' THEN 'case.withdrawn'
  ELSE "action"
END
WHERE "action" IN (
  'auth.sign_in', 'auth.locked', 'case.created', 'case.self_referral', 'case.details.update', 'party.create', 'party.update',
  'party.consent', 'case.startContacting', 'case.requestConsent', 'case.allocate', 'case.reallocate', 'case.declineDrs',
  'case.startPreparing', 'case.scheduleMeeting', 'case.recordNotArranged', 'case.issueNotArrangedCertificate',
  'case.recordHealthNotified', 'case.recordMeetingHeld', 'case.issueCertificate', 'case.startMonitoring', 'case.close',
  'case.chooseAdviceOnly', 'case.withdraw'
);
