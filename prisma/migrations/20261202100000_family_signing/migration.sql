-- Issue 12 (R-40): a family user signs, or declines, the agreement while signed in (decision 0019).
ALTER TYPE "SignatureMethod" ADD VALUE 'SIGNED_IN';
