-- DropIndex
DROP INDEX "Evidence_caseId_idx";

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "distinctOriginalReason" TEXT;

-- AlterTable
ALTER TABLE "EvidenceUpload" ADD COLUMN     "distinctOriginalReason" TEXT;

-- CreateIndex
CREATE INDEX "Evidence_caseId_sha256_idx" ON "Evidence"("caseId", "sha256");
