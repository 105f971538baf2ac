// The kill-at-every-await harness shared by the sync and send engines' tests (RELIABILITY G7): every call the
// engine awaits is numbered; the call numbered `killAt` never returns to it (a faithful kill: no catch or finally
// of the engine runs). In mode 'after' the call itself still completes (a store write committed, a POST taken by
// KSeF) before the engine is thrown away; in mode 'before' it never starts.
export type KillMode = 'before' | 'after';

const never = new Promise<never>(() => undefined);

export function killableCalls(killAt: number, mode: KillMode) {
  let n = 0;
  let signal!: (pending: Promise<unknown>) => void;
  /** Resolves, with the killed call's own completion, once the engine reached the kill point. */
  const killed = new Promise<Promise<unknown>>((resolve) => (signal = resolve));
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const at = n++;
      if (at !== killAt) return fn(...args);
      const pending = mode === 'after' ? fn(...args).catch(() => undefined) : Promise.resolve();
      signal(pending);
      return never;
    };
  /** The same object with every function wrapped. */
  const wrapAll = <T extends object>(target: T): T =>
    Object.fromEntries(Object.entries(target).map(([k, v]) => [k, typeof v === 'function' ? wrap(v as never) : v])) as T;
  return { wrap, wrapAll, killed, count: () => n };
}

/** Runs the engine until it finishes (either way) or reaches the kill point; a killed call is let complete first. */
export function finishedOrKilled(run: Promise<unknown>, killed: Promise<Promise<unknown>>): Promise<'finished' | 'killed'> {
  return Promise.race([
    run.then(
      () => 'finished' as const,
      () => 'finished' as const,
    ),
    killed.then(async (pending) => {
      await pending;
      return 'killed' as const;
    }),
  ]);
}
