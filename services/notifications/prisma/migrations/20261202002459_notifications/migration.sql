-- CreateEnum
CREATE TYPE "InboxStatus" AS ENUM ('unread', 'read', 'done');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('pending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('running', 'paused', 'stopped');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "clockKey" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseNumber" TEXT,
    "title" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" TEXT NOT NULL,
    "firedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "InboxStatus" NOT NULL DEFAULT 'unread',
    "readAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "toAddress" TEXT,
    "toName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "smtpMessageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailPreference" (
    "personId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "email" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("personId","level")
);

-- CreateTable
CREATE TABLE "ClockTask" (
    "clockKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caseNumber" TEXT,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "unitId" TEXT,
    "unitName" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'running',
    "level" INTEGER NOT NULL DEFAULT -1,
    "lastEventAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClockTask_pkey" PRIMARY KEY ("clockKey")
);

-- CreateTable
CREATE TABLE "TaskPerson" (
    "clockKey" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "TaskPerson_pkey" PRIMARY KEY ("clockKey","personId")
);

-- CreateIndex
CREATE INDEX "Notification_personId_status_createdAt_idx" ON "Notification"("personId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_clockKey_level_personId_key" ON "Notification"("clockKey", "level", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_notificationId_key" ON "EmailMessage"("notificationId");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ClockTask_status_kind_dueAt_idx" ON "ClockTask"("status", "kind", "dueAt");

-- CreateIndex
CREATE INDEX "TaskPerson_personId_idx" ON "TaskPerson"("personId");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskPerson" ADD CONSTRAINT "TaskPerson_clockKey_fkey" FOREIGN KEY ("clockKey") REFERENCES "ClockTask"("clockKey") ON DELETE CASCADE ON UPDATE CASCADE;
