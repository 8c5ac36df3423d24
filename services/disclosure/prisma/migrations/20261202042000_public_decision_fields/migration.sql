-- AlterTable
ALTER TABLE "PublicDecision" ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "fineAmountYuan" DECIMAL(14,2),
ADD COLUMN     "legalRepresentative" TEXT;
