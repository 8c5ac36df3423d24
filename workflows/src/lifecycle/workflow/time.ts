/** An instant normalised to `toISOString()` form (pure arithmetic, deterministic). */
export const iso = (instant: string): string => new Date(instant).toISOString();
