-- AlterTable
ALTER TABLE "PublicDecision" ADD COLUMN     "caseName" TEXT;
