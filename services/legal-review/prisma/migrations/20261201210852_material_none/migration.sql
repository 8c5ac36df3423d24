-- AlterTable
ALTER TABLE "ReviewMaterial" ALTER COLUMN "documentId" DROP NOT NULL;
