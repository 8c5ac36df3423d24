-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "handlerIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
