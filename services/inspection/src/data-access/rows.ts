/** The rows data-access reads, as domain code sees them (the generated client stays in data-access). */
export type {
  ConflictDeclaration,
  DrawnObject,
  InspectionItem,
  InspectionObject,
  InspectionPlan,
  InspectionTask,
  ObjectImport,
  TaskDraw,
} from '../generated/prisma/client';
