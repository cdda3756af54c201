-- Whether the meeting reached an agreement (R-40, R-72), recorded with "meeting held". Cases
-- whose meeting was held before this migration keep NULL (not recorded).

-- CreateEnum
CREATE TYPE "Agreement" AS ENUM ('FULL', 'PARTIAL', 'NONE');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "agreement" "Agreement";
