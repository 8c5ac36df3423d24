-- CreateTable
CREATE TABLE "CaseFile" (
    "id" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "handlingUnit" TEXT NOT NULL,
    "partyKind" TEXT NOT NULL,
    "partyName" TEXT NOT NULL,
    "partyIdNumber" TEXT,
    "partyIsMinor" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "stage" TEXT NOT NULL DEFAULT 'investigation',
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "openedById" TEXT NOT NULL,
    "openedByName" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "closeReason" TEXT,
    "archivedAt" TIMESTAMPTZ(3),
    "archivedById" TEXT,
    "lifecycleWorkflowId" TEXT NOT NULL,
    "lifecycleStartedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaseFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseOfficer" (
    "caseId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,

    CONSTRAINT "CaseOfficer_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "CaseRecord" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "activityId" UUID,
    "correctsRecordId" UUID,
    "externalRef" TEXT,
    "filedById" TEXT NOT NULL,
    "filedByName" TEXT NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementActivity" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT,
    "audioVisualRequired" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnforcementActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "uploadId" UUID NOT NULL,
    "mediaKind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "objectKey" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "retentionMode" TEXT NOT NULL,
    "retainUntil" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT,
    "recordedFrom" TIMESTAMPTZ(3),
    "recordedUntil" TIMESTAMPTZ(3),
    "interruptions" JSONB NOT NULL DEFAULT '[]',
    "uploadedById" TEXT NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceLock" (
    "evidenceId" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "retainUntil" TIMESTAMPTZ(3) NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceLock_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateTable
CREATE TABLE "EvidenceUpload" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "mediaKind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "description" TEXT,
    "recordedFrom" TIMESTAMPTZ(3),
    "recordedUntil" TIMESTAMPTZ(3),
    "interruptions" JSONB NOT NULL DEFAULT '[]',
    "objectKey" TEXT NOT NULL,
    "partSize" INTEGER NOT NULL,
    "s3UploadId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "evidenceId" UUID,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvidenceUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceUploadPart" (
    "uploadId" UUID NOT NULL,
    "partNumber" INTEGER NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceUploadPart_pkey" PRIMARY KEY ("uploadId","partNumber")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "evidenceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "clockId" TEXT NOT NULL,
    "clock" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "notified" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "round" INTEGER,
    "cycle" INTEGER,
    "activityId" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageTransition" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "cycle" INTEGER NOT NULL,
    "round" INTEGER,
    "note" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotentRequest" (
    "actorId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentRequest_pkey" PRIMARY KEY ("actorId","key")
);

-- CreateTable
CREATE TABLE "LifecycleMessage" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "LifecycleMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "caseId" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,
    "ip" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseFile_caseNumber_key" ON "CaseFile"("caseNumber");

-- CreateIndex
CREATE INDEX "CaseOfficer_userId_idx" ON "CaseOfficer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseOfficer_caseId_certificateNumber_key" ON "CaseOfficer"("caseId", "certificateNumber");

-- CreateIndex
CREATE INDEX "CaseRecord_caseId_kind_idx" ON "CaseRecord"("caseId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CaseRecord_caseId_seq_key" ON "CaseRecord"("caseId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CaseRecord_caseId_kind_externalRef_key" ON "CaseRecord"("caseId", "kind", "externalRef");

-- CreateIndex
CREATE INDEX "EnforcementActivity_caseId_idx" ON "EnforcementActivity"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_uploadId_key" ON "Evidence"("uploadId");

-- CreateIndex
CREATE INDEX "Evidence_caseId_idx" ON "Evidence"("caseId");

-- CreateIndex
CREATE INDEX "Evidence_activityId_idx" ON "Evidence"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_objectKey_versionId_key" ON "Evidence"("objectKey", "versionId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceUpload_objectKey_key" ON "EvidenceUpload"("objectKey");

-- CreateIndex
CREATE INDEX "EvidenceUpload_status_expiresAt_idx" ON "EvidenceUpload"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "AccessRequest_caseId_requesterId_idx" ON "AccessRequest"("caseId", "requesterId");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_caseId_clockId_level_dueAt_key" ON "Escalation"("caseId", "clockId", "level", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "StageTransition_caseId_workflowId_from_to_at_key" ON "StageTransition"("caseId", "workflowId", "from", "to", "at");

-- CreateIndex
CREATE INDEX "LifecycleMessage_deliveredAt_caseId_id_idx" ON "LifecycleMessage"("deliveredAt", "caseId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_at_idx" ON "AuditEvent"("caseId", "at");

-- AddForeignKey
ALTER TABLE "CaseOfficer" ADD CONSTRAINT "CaseOfficer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseRecord" ADD CONSTRAINT "CaseRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnforcementActivity" ADD CONSTRAINT "EnforcementActivity_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceLock" ADD CONSTRAINT "EvidenceLock_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceUpload" ADD CONSTRAINT "EvidenceUpload_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceUploadPart" ADD CONSTRAINT "EvidenceUploadPart_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "EvidenceUpload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageTransition" ADD CONSTRAINT "StageTransition_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleMessage" ADD CONSTRAINT "LifecycleMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "CaseFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only tables (hand-written; Prisma cannot express triggers). Originals are never edited or
-- deleted (记录规定 §17, §21): the database refuses it whatever the application does.
CREATE FUNCTION "recording_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table "%" is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "CaseRecord_no_truncate" BEFORE TRUNCATE ON "CaseRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "Evidence_no_truncate" BEFORE TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "CaseRecord_append_only" BEFORE UPDATE OR DELETE ON "CaseRecord"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "Evidence_append_only" BEFORE UPDATE OR DELETE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "EvidenceLock_append_only" BEFORE UPDATE OR DELETE ON "EvidenceLock"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "Escalation_append_only" BEFORE UPDATE OR DELETE ON "Escalation"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
CREATE TRIGGER "StageTransition_append_only" BEFORE UPDATE OR DELETE ON "StageTransition"
  FOR EACH ROW EXECUTE FUNCTION "recording_refuse_change"();
