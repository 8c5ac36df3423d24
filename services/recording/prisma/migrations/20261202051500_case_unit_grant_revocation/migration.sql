-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "revokeReason" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3),
ADD COLUMN     "revokedById" TEXT,
ADD COLUMN     "revokedByName" TEXT;

-- AlterTable
ALTER TABLE "CaseFile" ADD COLUMN     "unitId" TEXT;

-- CreateIndex
CREATE INDEX "CaseFile_unitId_idx" ON "CaseFile"("unitId");
