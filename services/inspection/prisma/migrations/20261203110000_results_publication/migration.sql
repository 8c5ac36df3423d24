-- AlterTable
ALTER TABLE "InspectionTask" ADD COLUMN     "resultsApprovedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultsApprovedById" TEXT,
ADD COLUMN     "resultsApprovedByName" TEXT,
ADD COLUMN     "resultsCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultsCheckedById" TEXT,
ADD COLUMN     "resultsCheckedByName" TEXT,
ADD COLUMN     "resultsDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "resultsDueDate" TEXT,
ADD COLUMN     "resultsLevel" INTEGER NOT NULL DEFAULT -1,
ADD COLUMN     "resultsProvisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resultsPublishedAt" TIMESTAMPTZ(3);
