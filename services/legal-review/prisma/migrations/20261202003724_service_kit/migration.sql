-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- AlterTable
-- (hand-edited: keep the queued messages' kinds instead of dropping the column)
ALTER TABLE "OutboxMessage" ALTER COLUMN "kind" TYPE TEXT USING "kind"::text,
ALTER COLUMN "dedupeKey" DROP NOT NULL;

-- DropTable (stored answers are for retries within minutes; the kit's table replaces it)
DROP TABLE "IdempotencyRecord";

-- DropEnum
DROP TYPE "OutboxKind";

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

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- Append-only audit trail (hand-written; Prisma cannot express triggers): the SQL of the kit's
-- auditAppendOnlySql (packages/shared/src/kit/audit.ts).
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
