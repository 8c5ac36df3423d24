-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('noProblem', 'rectificationOrdered', 'caseOpened', 'notFound');

-- AlterTable
ALTER TABLE "DrawnObject" ADD COLUMN     "caseNumber" TEXT,
ADD COLUMN     "result" "InspectionResult",
ADD COLUMN     "resultAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultById" TEXT,
ADD COLUMN     "resultByName" TEXT,
ADD COLUMN     "resultNote" TEXT;
