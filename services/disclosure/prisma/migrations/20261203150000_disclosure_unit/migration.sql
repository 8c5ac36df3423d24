-- The case's handling unit of a decision record (docs/authorization.md, disclosure by unit).
-- Rows drafted before this migration keep NULL: recording is another database, so they are not
-- backfilled here; such records keep the role rule (any discloser / head, as before).
-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "unitId" TEXT;

-- CreateIndex
CREATE INDEX "Disclosure_unitId_idx" ON "Disclosure"("unitId");
