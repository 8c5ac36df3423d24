import { catalogueSectionLabel } from '@sanxiang/shared/src/contracts/catalogue-entry';

/** 目录类别 in words (the disclosure service's `catalogueSectionLabel`). */
export const sectionLabel = (s: string | null | undefined) =>
  s ? ((catalogueSectionLabel as Record<string, string>)[s] ?? s) : '—';
