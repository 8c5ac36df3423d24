-- CreateEnum
CREATE TYPE "StratifyBy" AS ENUM ('district', 'kind');

-- AlterTable
ALTER TABLE "InspectionItem" ADD COLUMN     "stratifyBy" "StratifyBy";
