/** The rows data-access reads, as domain code sees them (the generated client stays in data-access). */
export type {
  CatalogueChange,
  CatalogueChangeEntry,
  CorrectionRequest,
  Disclosure,
  DisclosureVersion,
  OutcomeRequest,
  ReviewStep,
} from '../generated/prisma/client';
export type { DisclosureKind, ReviewAction, ReviewStage, VersionPurpose } from '../generated/prisma/enums';
