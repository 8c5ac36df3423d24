/** The rows data-access reads, as domain code sees them (the generated client stays in data-access). */
export type {
  DecisionFiling,
  Disagreement,
  ExpertConsultation,
  Finding,
  MaterialRequest,
  Opinion,
  Recusal,
  Review,
  ReviewMaterial,
  SpotCheck,
  SpotCheckItem,
} from '../generated/prisma/client';
