-- AlterTable
ALTER TABLE "CaseFile" ADD COLUMN     "enforcementArea" TEXT,
ADD COLUMN     "enforcementCategory" TEXT;

-- AlterTable
ALTER TABLE "EnforcementActivity" ADD COLUMN     "area" TEXT;
