-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('draft', 'published');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('draft', 'drawn', 'published');

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "objectScope" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "ratio" TEXT NOT NULL,
    "ratioPercent" DOUBLE PRECISION,
    "method" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "enforcementCategory" TEXT NOT NULL,
    "enforcementArea" TEXT NOT NULL,
    "excludePreviousInspectors" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionObject" (
    "id" UUID NOT NULL,
    "uscc" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "district" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectImport" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "fileName" TEXT,
    "dataRows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "rejected" JSONB NOT NULL,

    CONSTRAINT "ObjectImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" UUID NOT NULL,
    "inspectorId" TEXT NOT NULL,
    "inspectorName" TEXT NOT NULL,
    "objectId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredById" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawReason" TEXT,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionPlan" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "PlanStatus" NOT NULL DEFAULT 'draft',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InspectionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionTask" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "objectCount" INTEGER,
    "ratioPercent" DOUBLE PRECISION,
    "district" TEXT NOT NULL DEFAULT '',
    "inspectorsPerObject" INTEGER NOT NULL DEFAULT 2,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InspectionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskDraw" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "seed" BIGINT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "reason" TEXT,
    "drawnById" TEXT NOT NULL,
    "drawnByName" TEXT NOT NULL,
    "drawnAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "TaskDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawnObject" (
    "id" UUID NOT NULL,
    "drawId" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "objectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "inspectorIds" TEXT[],
    "inspectorNames" TEXT[],

    CONSTRAINT "DrawnObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "orderingKey" TEXT NOT NULL,
    "dedupeKey" TEXT,
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
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InspectionItem_code_key" ON "InspectionItem"("code");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionObject_uscc_key" ON "InspectionObject"("uscc");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_objectId_inspectorId_idx" ON "ConflictDeclaration"("objectId", "inspectorId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_inspectorId_idx" ON "ConflictDeclaration"("inspectorId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskDraw_taskId_number_key" ON "TaskDraw"("taskId", "number");

-- CreateIndex
CREATE INDEX "DrawnObject_objectId_idx" ON "DrawnObject"("objectId");

-- CreateIndex
CREATE UNIQUE INDEX "DrawnObject_drawId_objectId_key" ON "DrawnObject"("drawId", "objectId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage"("orderingKey", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_pending_idx" ON "OutboxMessage"("nextAttemptAt", "id") WHERE ("deliveredAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_objectId_fkey" FOREIGN KEY ("objectId") REFERENCES "InspectionObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTask" ADD CONSTRAINT "InspectionTask_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionTask" ADD CONSTRAINT "InspectionTask_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "InspectionItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskDraw" ADD CONSTRAINT "TaskDraw_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "InspectionTask"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawnObject" ADD CONSTRAINT "DrawnObject_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "TaskDraw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawnObject" ADD CONSTRAINT "DrawnObject_objectId_fkey" FOREIGN KEY ("objectId") REFERENCES "InspectionObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit trail is append-only (packages/shared/src/kit/audit.ts, auditAppendOnlySql).
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
