-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'inReview', 'awaitingMaterials', 'issued');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('investigationReport', 'proposedDecision', 'draftDecisionDocument', 'evidence', 'hearingOrAssessment', 'otherMaterials');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('approve', 'supplementInvestigation', 'modify', 'correct', 'transfer');

-- CreateEnum
CREATE TYPE "ReviewPoint" AS ENUM ('lawfulSubjectAndPowers', 'certifiedOfficers', 'lawfulProcedure', 'factsAndEvidence', 'lawAndDiscretion', 'documentsComplete', 'audioVisualRecorded', 'possibleCrime', 'other');

-- CreateEnum
CREATE TYPE "FindingConclusion" AS ENUM ('noIssue', 'issueFound', 'notApplicable');

-- CreateEnum
CREATE TYPE "NegotiationOutcome" AS ENUM ('opinionUpheld', 'resubmissionAgreed');

-- CreateEnum
CREATE TYPE "SpotCheckConclusion" AS ENUM ('compliant', 'issuesFound');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('workflowSignal', 'recordingRecord', 'recordingEscalation');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "workflowId" TEXT NOT NULL,
    "previousReviewId" UUID,
    "status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "officers" JSONB NOT NULL,
    "handlerIds" TEXT[],
    "decisionKind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "majorCriteria" TEXT[],
    "hearingOrAssessmentHeld" BOOLEAN NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "clockStartAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" DATE NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "remindAt" TIMESTAMPTZ(3) NOT NULL,
    "dueProvisional" BOOLEAN NOT NULL,
    "materialsDueAt" TIMESTAMPTZ(3),
    "attentionAt" TIMESTAMPTZ(3),
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "assignedAt" TIMESTAMPTZ(3),
    "outcome" "ReviewOutcome",
    "issuedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewMaterial" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "documentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,
    "addedBy" TEXT NOT NULL,
    "materialRequestId" UUID,

    CONSTRAINT "ReviewMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialRequest" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "missing" "MaterialKind"[],
    "note" TEXT,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3),
    "receivedBy" TEXT,
    "receivedByName" TEXT,
    "late" BOOLEAN,
    "escalatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MaterialRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recusal" (
    "id" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "reviewId" UUID NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Recusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertConsultation" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "expertName" TEXT NOT NULL,
    "expertTitle" TEXT,
    "organisation" TEXT,
    "consultedAt" TIMESTAMPTZ(3) NOT NULL,
    "question" TEXT,
    "notes" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExpertConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "reviewId" UUID NOT NULL,
    "point" "ReviewPoint" NOT NULL,
    "conclusion" "FindingConclusion" NOT NULL,
    "findings" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("reviewId","point")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "reasons" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "documentText" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disagreement" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "opinionId" UUID NOT NULL,
    "objection" TEXT NOT NULL,
    "raisedBy" TEXT NOT NULL,
    "raisedByName" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "NegotiationOutcome",
    "agreement" TEXT,
    "resolvedBy" TEXT,
    "resolvedByName" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Disagreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionFiling" (
    "id" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "decisionKind" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "handlingUnit" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "recordId" TEXT,
    "filedBy" TEXT NOT NULL,
    "filedByName" TEXT NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DecisionFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheck" (
    "id" UUID NOT NULL,
    "seed" TEXT NOT NULL,
    "decidedFrom" DATE NOT NULL,
    "decidedTo" DATE NOT NULL,
    "handlingUnit" TEXT,
    "populationSize" INTEGER NOT NULL,
    "populationSha256" TEXT NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "note" TEXT,
    "drawnBy" TEXT NOT NULL,
    "drawnByName" TEXT NOT NULL,
    "drawnAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SpotCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheckItem" (
    "id" UUID NOT NULL,
    "spotCheckId" UUID NOT NULL,
    "filingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "conclusion" "SpotCheckConclusion",
    "findings" TEXT,
    "checkedBy" TEXT,
    "checkedByName" TEXT,
    "checkedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SpotCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "kind" "OutboxKind" NOT NULL,
    "orderingKey" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "result" JSONB,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");

-- CreateIndex
CREATE INDEX "Review_assigneeId_dueAt_id_idx" ON "Review"("assigneeId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Review_open_assigneeId_dueAt_id_idx" ON "Review"("assigneeId", "dueAt", "id") WHERE (status <> 'issued'::"ReviewStatus");

-- CreateIndex
CREATE INDEX "Review_dueAt_id_idx" ON "Review"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Review_open_dueAt_id_idx" ON "Review"("dueAt", "id") WHERE (status <> 'issued'::"ReviewStatus");

-- CreateIndex
CREATE INDEX "Review_unassigned_dueAt_id_idx" ON "Review"("dueAt", "id") WHERE (status <> 'issued'::"ReviewStatus" AND "assigneeId" IS NULL);

-- CreateIndex
CREATE INDEX "Review_attentionAt_id_idx" ON "Review"("attentionAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Review_caseNumber_round_key" ON "Review"("caseNumber", "round");

-- CreateIndex
CREATE INDEX "ReviewMaterial_reviewId_idx" ON "ReviewMaterial"("reviewId");

-- CreateIndex
CREATE INDEX "MaterialRequest_receivedAt_escalatedAt_dueAt_idx" ON "MaterialRequest"("receivedAt", "escalatedAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialRequest_reviewId_seq_key" ON "MaterialRequest"("reviewId", "seq");

-- CreateIndex
CREATE INDEX "Recusal_reviewId_idx" ON "Recusal"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_caseNumber_reviewerId_key" ON "Recusal"("caseNumber", "reviewerId");

-- CreateIndex
CREATE INDEX "ExpertConsultation_reviewId_idx" ON "ExpertConsultation"("reviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Opinion_reviewId_key" ON "Opinion"("reviewId");

-- CreateIndex
CREATE INDEX "Disagreement_reviewId_idx" ON "Disagreement"("reviewId");

-- CreateIndex
CREATE INDEX "DecisionFiling_decisionDate_id_idx" ON "DecisionFiling"("decisionDate", "id");

-- CreateIndex
CREATE INDEX "DecisionFiling_handlingUnit_decisionDate_id_idx" ON "DecisionFiling"("handlingUnit", "decisionDate", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionFiling_caseNumber_documentNumber_key" ON "DecisionFiling"("caseNumber", "documentNumber");

-- CreateIndex
CREATE INDEX "SpotCheck_drawnAt_id_idx" ON "SpotCheck"("drawnAt", "id");

-- CreateIndex
CREATE INDEX "SpotCheckItem_filingId_idx" ON "SpotCheckItem"("filingId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_spotCheckId_filingId_key" ON "SpotCheckItem"("spotCheckId", "filingId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_spotCheckId_position_key" ON "SpotCheckItem"("spotCheckId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage"("orderingKey", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_pending_idx" ON "OutboxMessage"("nextAttemptAt", "id") WHERE ("deliveredAt" IS NULL);

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_previousReviewId_fkey" FOREIGN KEY ("previousReviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewMaterial" ADD CONSTRAINT "ReviewMaterial_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewMaterial" ADD CONSTRAINT "ReviewMaterial_materialRequestId_fkey" FOREIGN KEY ("materialRequestId") REFERENCES "MaterialRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialRequest" ADD CONSTRAINT "MaterialRequest_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertConsultation" ADD CONSTRAINT "ExpertConsultation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disagreement" ADD CONSTRAINT "Disagreement_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disagreement" ADD CONSTRAINT "Disagreement_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_spotCheckId_fkey" FOREIGN KEY ("spotCheckId") REFERENCES "SpotCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "DecisionFiling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written opinions (法制审核意见书) and the audit trail are append-only: once written they are
-- evidence (审核办法 §15, §18). Prisma cannot express triggers; `db drift` ignores them.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "Opinion_immutable" BEFORE UPDATE OR DELETE ON "Opinion"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
