import { ZCalendarUpdated } from '@sanxiang/shared/src/contracts';
import type { Lifecycle } from '../lifecycle';
import { parseSignal } from '../parse-messages';

/** New holiday data: provisional running clocks are recomputed (levels already fired stay fired). */
export async function onCalendarUpdated(lc: Lifecycle, raw: unknown): Promise<void> {
  const p = parseSignal(lc.ports.warn, ZCalendarUpdated, raw, 'calendarUpdated');
  if (!p) return;
  await lc.clocks.recomputeProvisional();
}
