/** The rows data-access reads, as domain code sees them (the generated client stays in data-access). */
export type { ClockTask, EmailMessage, Notification } from '../generated/prisma/client';
