-- Issue 13 (decision 0030): correspondence templates, every saved version kept, and letters as
-- sealed documents. The five standard templates are created here, as version 1.
ALTER TYPE "DocumentKind" ADD VALUE 'LETTER';

CREATE TYPE "CorrespondenceKind" AS ENUM ('EMAIL', 'LETTER', 'BOTH');

CREATE TABLE "CorrespondenceTemplate" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CorrespondenceKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CorrespondenceTemplate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CorrespondenceTemplateVersion" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CorrespondenceKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "savedById" TEXT,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CorrespondenceTemplateVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "CorrespondenceTemplate_key_key" ON "CorrespondenceTemplate"("key");
CREATE UNIQUE INDEX "CorrespondenceTemplateVersion_templateId_version_key" ON "CorrespondenceTemplateVersion"("templateId", "version");

ALTER TABLE "CorrespondenceTemplateVersion" ADD CONSTRAINT "CorrespondenceTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "CorrespondenceTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The five standard templates (plain English, to be edited by an admin on /admin/templates).
INSERT INTO "CorrespondenceTemplate" ("id", "key", "name", "kind", "subject", "body") VALUES ('ctpl_acknowledgement', 'acknowledgement', 'Acknowledgement of a request for mediation', 'BOTH', 'We have received your request for mediation ({{case.reference}})', 'Dear {{recipient.name}},

Thank you for contacting us about {{child.name}}. We have received your request for mediation with {{la.name}}. Your case reference is {{case.reference}}. Please quote it whenever you contact us.

What happens next
A caseworker will contact you soon to talk about the disagreement, answer your questions and explain how mediation works. Mediation is free and we are independent of the local authority.

If you decide you do not want mediation, you can ask us for a certificate instead. We will send it to you within 3 working days, so that you can appeal to the Tribunal if you wish.

If you need this in another format or language, or need any changes to help you take part, please tell us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service');
INSERT INTO "CorrespondenceTemplateVersion" ("id", "templateId", "version", "name", "kind", "subject", "body", "active") VALUES ('ctpl_acknowledgement_v1', 'ctpl_acknowledgement', 1, 'Acknowledgement of a request for mediation', 'BOTH', 'We have received your request for mediation ({{case.reference}})', 'Dear {{recipient.name}},

Thank you for contacting us about {{child.name}}. We have received your request for mediation with {{la.name}}. Your case reference is {{case.reference}}. Please quote it whenever you contact us.

What happens next
A caseworker will contact you soon to talk about the disagreement, answer your questions and explain how mediation works. Mediation is free and we are independent of the local authority.

If you decide you do not want mediation, you can ask us for a certificate instead. We will send it to you within 3 working days, so that you can appeal to the Tribunal if you wish.

If you need this in another format or language, or need any changes to help you take part, please tell us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service', true);
INSERT INTO "CorrespondenceTemplate" ("id", "key", "name", "kind", "subject", "body") VALUES ('ctpl_invitation_to_take_part', 'invitation-to-take-part', 'Invitation to take part in mediation', 'BOTH', 'Invitation to take part in mediation about {{child.name}} ({{case.reference}})', 'Dear {{recipient.name}},

We are the independent mediation service arranging mediation about the special educational needs of {{child.name}}, with {{la.name}}. We would like to invite you to take part.

What mediation is
Mediation is a meeting led by an independent mediator, where everyone involved talks through the disagreement and tries to agree what happens next. What is said in mediation is confidential. Only a written agreement, if one is reached, is shared with the people taking part.

What we need from you
Please let us know whether you agree to take part, and tell us any dates when you cannot attend. Mediation must take place by {{deadlines.mediationBy}}, so we would be grateful for a reply as soon as you can.

Please quote {{case.reference}} when you reply. If you need any changes to help you take part, please tell us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service');
INSERT INTO "CorrespondenceTemplateVersion" ("id", "templateId", "version", "name", "kind", "subject", "body", "active") VALUES ('ctpl_invitation_to_take_part_v1', 'ctpl_invitation_to_take_part', 1, 'Invitation to take part in mediation', 'BOTH', 'Invitation to take part in mediation about {{child.name}} ({{case.reference}})', 'Dear {{recipient.name}},

We are the independent mediation service arranging mediation about the special educational needs of {{child.name}}, with {{la.name}}. We would like to invite you to take part.

What mediation is
Mediation is a meeting led by an independent mediator, where everyone involved talks through the disagreement and tries to agree what happens next. What is said in mediation is confidential. Only a written agreement, if one is reached, is shared with the people taking part.

What we need from you
Please let us know whether you agree to take part, and tell us any dates when you cannot attend. Mediation must take place by {{deadlines.mediationBy}}, so we would be grateful for a reply as soon as you can.

Please quote {{case.reference}} when you reply. If you need any changes to help you take part, please tell us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service', true);
INSERT INTO "CorrespondenceTemplate" ("id", "key", "name", "kind", "subject", "body") VALUES ('ctpl_la_consent_request', 'la-consent-request', 'Request to the local authority to confirm mediation', 'BOTH', 'Mediation requested: please confirm who will attend ({{case.reference}})', 'Dear {{recipient.name}},

The family of {{child.name}} has asked for mediation with {{la.name}}. Our case reference is {{case.reference}}.

When a family chooses mediation, the local authority must take part. Mediation must take place by {{deadlines.mediationBy}}.

Please reply to confirm:
- who will attend for the local authority, and that they have the authority to resolve the issues in dispute
- any dates before then when they cannot attend

If a health issue is part of the disagreement, please also tell us who will attend for the integrated care board.

Yours sincerely,

{{sender.name}}
SEND Mediation Service');
INSERT INTO "CorrespondenceTemplateVersion" ("id", "templateId", "version", "name", "kind", "subject", "body", "active") VALUES ('ctpl_la_consent_request_v1', 'ctpl_la_consent_request', 1, 'Request to the local authority to confirm mediation', 'BOTH', 'Mediation requested: please confirm who will attend ({{case.reference}})', 'Dear {{recipient.name}},

The family of {{child.name}} has asked for mediation with {{la.name}}. Our case reference is {{case.reference}}.

When a family chooses mediation, the local authority must take part. Mediation must take place by {{deadlines.mediationBy}}.

Please reply to confirm:
- who will attend for the local authority, and that they have the authority to resolve the issues in dispute
- any dates before then when they cannot attend

If a health issue is part of the disagreement, please also tell us who will attend for the integrated care board.

Yours sincerely,

{{sender.name}}
SEND Mediation Service', true);
INSERT INTO "CorrespondenceTemplate" ("id", "key", "name", "kind", "subject", "body") VALUES ('ctpl_meeting_confirmation', 'meeting-confirmation', 'Confirmation of the mediation meeting', 'BOTH', 'Your mediation meeting on {{meeting.date}} ({{case.reference}})', 'Dear {{recipient.name}},

We are writing to confirm the mediation meeting about {{child.name}}.

Date: {{meeting.date}}
Time: {{meeting.time}}
Place: {{meeting.place}}

The meeting will be led by an independent mediator. You can bring a friend, supporter or advocate with you. Please tell us who they are before the day.

If you need any changes to help you take part, such as an interpreter, a quiet room or breaks, please tell us as soon as you can. If you can no longer attend, please let us know straight away so that we can find another date.

Please quote {{case.reference}} when you contact us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service');
INSERT INTO "CorrespondenceTemplateVersion" ("id", "templateId", "version", "name", "kind", "subject", "body", "active") VALUES ('ctpl_meeting_confirmation_v1', 'ctpl_meeting_confirmation', 1, 'Confirmation of the mediation meeting', 'BOTH', 'Your mediation meeting on {{meeting.date}} ({{case.reference}})', 'Dear {{recipient.name}},

We are writing to confirm the mediation meeting about {{child.name}}.

Date: {{meeting.date}}
Time: {{meeting.time}}
Place: {{meeting.place}}

The meeting will be led by an independent mediator. You can bring a friend, supporter or advocate with you. Please tell us who they are before the day.

If you need any changes to help you take part, such as an interpreter, a quiet room or breaks, please tell us as soon as you can. If you can no longer attend, please let us know straight away so that we can find another date.

Please quote {{case.reference}} when you contact us.

Yours sincerely,

{{sender.name}}
SEND Mediation Service', true);
INSERT INTO "CorrespondenceTemplate" ("id", "key", "name", "kind", "subject", "body") VALUES ('ctpl_certificate_cover_letter', 'certificate-cover-letter', 'Cover letter sent with a mediation certificate', 'LETTER', 'Your mediation certificate ({{case.reference}})', 'Dear {{recipient.name}},

Please find enclosed the mediation certificate about {{child.name}}, issued on {{certificate.issuedOn}}.

You need this certificate if you decide to appeal to the First-tier Tribunal (Special Educational Needs and Disability). Your appeal must reach the Tribunal by {{certificate.appealBy}}.

Please keep the certificate safe. You can check that it is genuine at the address printed at the bottom of each page.

If you have any questions, please contact us and quote {{case.reference}}.

Yours sincerely,

{{sender.name}}
SEND Mediation Service');
INSERT INTO "CorrespondenceTemplateVersion" ("id", "templateId", "version", "name", "kind", "subject", "body", "active") VALUES ('ctpl_certificate_cover_letter_v1', 'ctpl_certificate_cover_letter', 1, 'Cover letter sent with a mediation certificate', 'LETTER', 'Your mediation certificate ({{case.reference}})', 'Dear {{recipient.name}},

Please find enclosed the mediation certificate about {{child.name}}, issued on {{certificate.issuedOn}}.

You need this certificate if you decide to appeal to the First-tier Tribunal (Special Educational Needs and Disability). Your appeal must reach the Tribunal by {{certificate.appealBy}}.

Please keep the certificate safe. You can check that it is genuine at the address printed at the bottom of each page.

If you have any questions, please contact us and quote {{case.reference}}.

Yours sincerely,

{{sender.name}}
SEND Mediation Service', true);
