-- AlterTable
ALTER TABLE "CaseFile" ADD COLUMN     "partyLegalRepresentative" TEXT;
