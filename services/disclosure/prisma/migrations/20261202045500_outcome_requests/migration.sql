-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('withdrawal', 'nonPublication');

-- CreateEnum
CREATE TYPE "OutcomeStage" AS ENUM ('awaitingCheck', 'awaitingApproval', 'approved', 'returned');

-- CreateTable
CREATE TABLE "OutcomeRequest" (
    "id" UUID NOT NULL,
    "disclosureId" UUID NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "stage" "OutcomeStage" NOT NULL DEFAULT 'awaitingCheck',
    "reason" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "basisDocumentNumber" TEXT,
    "basisDate" DATE,
    "basisAuthority" TEXT,
    "requestedBy" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "checkedBy" TEXT,
    "checkedByName" TEXT,
    "checkedAt" TIMESTAMPTZ(3),
    "checkNote" TEXT,
    "decidedBy" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "OutcomeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutcomeRequest_disclosureId_requestedAt_idx" ON "OutcomeRequest"("disclosureId", "requestedAt");

-- CreateIndex
CREATE INDEX "OutcomeRequest_kind_stage_idx" ON "OutcomeRequest"("kind", "stage");

-- AddForeignKey
ALTER TABLE "OutcomeRequest" ADD CONSTRAINT "OutcomeRequest_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
