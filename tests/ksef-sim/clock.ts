// The simulator's clock: real time by default, shifted or frozen on request. Every expiry, window and date
// the simulator hands out is read from here, so "move the clock" moves all of them together.

export interface SimClock {
  /** Milliseconds since the epoch, simulator time. */
  now(): number;
  /** Moves simulator time forward (or back, with a negative value). */
  advance(ms: number): number;
  /** Jumps to an instant; time keeps flowing from there unless the clock is frozen. */
  set(ms: number): number;
  readonly frozen: boolean;
}

export function createClock(options: { start?: number; frozen?: boolean; realNow?: () => number } = {}): SimClock {
  const realNow = options.realNow ?? Date.now;
  const frozen = options.frozen ?? false;
  if (options.start !== undefined && !Number.isFinite(options.start)) throw new TypeError('"start" must be a finite number');
  let anchorReal = realNow();
  let anchorSim = options.start ?? anchorReal;
  const now = (): number => (frozen ? anchorSim : anchorSim + (realNow() - anchorReal));
  return {
    now,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new TypeError('"ms" must be a finite number');
      const current = now();
      anchorReal = realNow();
      anchorSim = current + ms;
      return anchorSim;
    },
    set(ms) {
      if (!Number.isFinite(ms)) throw new TypeError('"ms" must be a finite number');
      anchorReal = realNow();
      anchorSim = ms;
      return anchorSim;
    },
    frozen,
  };
}
