import type { Lifecycle } from '../../lifecycle';
import type { TDecisionCycle } from '../../state';

/**
 * The decision cycle a disclosure-service signal (approved, exempted) is about, if it names the
 * disclosure this stage is waiting for and the cycle was not revoked; otherwise the signal is
 * logged and ignored. `stillOpen` adds a signal's own condition (e.g. not approved yet).
 */
export function pendingDisclosureCycle(
  lc: Lifecycle,
  p: { cycle: number; disclosureId: string },
  signal: string,
  stillOpen: (cycle: TDecisionCycle) => boolean = () => true,
): TDecisionCycle | undefined {
  const cycle = lc.currentCycle();
  if (
    lc.state.stage !== 'disclosure' ||
    p.cycle !== cycle.cycle ||
    (cycle.disclosureId && cycle.disclosureId !== p.disclosureId) ||
    cycle.revoked !== undefined ||
    !stillOpen(cycle)
  ) {
    lc.warn(`Ignoring ${signal}: not the pending disclosure`, { cycle: p.cycle });
    return undefined;
  }
  return cycle;
}
