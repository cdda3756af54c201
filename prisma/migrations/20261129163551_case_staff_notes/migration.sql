/*
  Issue 8, item 16 (R-80): staff-only notes kept apart from what the LA officer and the family see.

  Until now one column, "Case"."summary", held both the self-referral's "Is there anything else we
  should know?" (phone times, an interpreter, worries) and the caseworker's "Anything the mediator
  should know before contacting the parties", and the shared case view showed it word for word.

  Data decision (edited by hand): none of that text was written for the local authority or the
  family, and we cannot tell safely which of it would be fit to share, so ALL of it moves to the new
  staff-only "staffNotes" column and "summary" starts empty. From now on "summary" is a short,
  neutral description of the disagreement that staff write knowing the LA and the family see it.
  Nothing is lost: staff still read every word, under "Notes for the mediation team".
*/

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "staffNotes" TEXT;

-- Move every existing summary to the staff-only notes.
UPDATE "Case" SET "staffNotes" = "summary", "summary" = NULL WHERE "summary" IS NOT NULL;
