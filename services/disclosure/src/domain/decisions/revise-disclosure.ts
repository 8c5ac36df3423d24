import { disclosureStatusLabel, labelOf } from '../labels';
import { z } from 'zod';
import { AppError, fieldError } from '@sanxiang/shared';
import { disclosureSubject, writeAudit } from '../../data-access/audit-log';
import { findCorrectionRequest } from '../../data-access/correction-repository';
import {
  addVersion,
  getVersion,
  lockDisclosure,
  updateDisclosure,
} from '../../data-access/disclosure-repository';
import type { TCommandContext } from '../../data-access/unit-of-work';
import { contentKinds, parseRules } from '../content-kinds';
import { correctionSubject, startDutyClock } from '../duty-clocks';
import type { TRedactionRule } from '../redaction/redaction';

export const ZReviseDisclosure = z.object({
  /** The version the edit was made on; another edit in between is a 409. */
  baseVersion: z.number().int().min(1),
  /** Decisions: the changed fields; other kinds: the whole content. */
  content: z.record(z.string(), z.unknown()).optional(),
  /** The full rule list for this record (decisions only). Omitted: the base version's rules. */
  redactionRules: z.array(z.unknown()).max(100).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
  /** A correction made on a public request links it (更正申请). */
  correctionRequestId: z.uuid().optional(),
});
export type TReviseDisclosure = z.infer<typeof ZReviseDisclosure>;

/**
 * Writes a new version (versions are never changed): a revision of a draft, or — on a published
 * record — a correction (更正), which goes through the same review and is republished on approval
 * (003 §(七), 004 §17). The public text is generated now, stored, and reviewed as stored.
 */
export async function reviseDisclosure(ctx: TCommandContext, id: string, input: TReviseDisclosure) {
  const { tx, actor, now } = ctx;
  const d = await lockDisclosure(tx, id);
  const startsCorrection = d.status === 'published' && d.reviewStage === null;
  if (!startsCorrection && d.reviewStage !== 'editing') {
    throw new AppError(
      'conflict',
      d.reviewStage
        ? '该版本正在审核中，需退回后才能修改'
        : `当前状态（${labelOf(disclosureStatusLabel, d.status)}）不能修改`,
      { extra: { disclosureStatus: d.status, reviewStage: d.reviewStage } },
    );
  }
  if (input.baseVersion !== d.workingVersion) {
    throw new AppError('conflict', `已有更新的版本 ${d.workingVersion}，请在最新版本上修改`, {
      extra: { workingVersion: d.workingVersion },
    });
  }
  const correcting = d.status === 'published';
  if (correcting && !input.note) {
    throw new AppError('validation', '更正须说明理由', {
      fields: [fieldError('body.note', '更正须说明理由')],
    });
  }
  if (input.correctionRequestId) {
    const request = await findCorrectionRequest(tx, input.correctionRequestId);
    if (!request || request.disclosureId !== d.id) {
      throw new AppError('validation', '更正申请不属于该公示记录', {
        fields: [fieldError('body.correctionRequestId', '不是针对该公示记录的更正申请')],
      });
    }
  }
  const kind = contentKinds[d.kind];
  const base = await getVersion(tx, d.id, d.workingVersion);
  const source = input.content ? kind.merge(base.source, input.content) : base.source;
  const rules = (
    input.redactionRules ? parseRules(d.kind, input.redactionRules) : base.redactionRules
  ) as TRedactionRule[];
  const rendered = kind.render(source, rules);
  const version = d.workingVersion + 1;
  await addVersion(
    tx,
    {
      disclosureId: d.id,
      version,
      purpose: correcting ? 'correction' : 'revision',
      note: input.note,
      source,
      redactionRules: rules,
      publicContent: rendered.publicContent,
      redactionReport: rendered.report,
      correctionRequestId: input.correctionRequestId,
    },
    actor,
  );
  const title = kind.title(source) || d.title;
  const updated = await updateDisclosure(tx, d.id, {
    workingVersion: version,
    reviewStage: 'editing',
    title,
  });
  await writeAudit(
    tx,
    actor,
    correcting ? 'disclosure.correctionDrafted' : 'disclosure.revised',
    disclosureSubject(d.id),
    {
      version,
      note: input.note ?? null,
      contentChanged: input.content !== undefined,
      rulesChanged: input.redactionRules !== undefined,
      correctionRequestId: input.correctionRequestId ?? null,
      at: now.toISOString(),
    },
  );
  if (startsCorrection) {
    // "Formed or changed" (000 §17): the corrected record is republished within 7 working days.
    await startDutyClock(ctx, {
      kind: 'correctionRepublication',
      subjectId: correctionSubject(d.id, d.publishedVersion),
      title: `更正后重新公示：${title}`,
      link: `/disclosures/${d.id}`,
      caseNumber: d.caseNumber ?? null,
      start: now.toISOString(),
    });
  }
  return {
    disclosure: updated,
    version,
    publicContent: rendered.publicContent,
    redactionReport: rendered.report,
  };
}
