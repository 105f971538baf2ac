// A small seeded PRNG so that a simulator started with the same seed hands out the same reference numbers,
// KSeF numbers and trace ids in the same order (tests can then compare whole responses).

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `count` uppercase hex digits. */
  hex(count: number): string;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the seed's text: any string or number gives a 32-bit starting state. */
function seedToState(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: tiny, fast and good enough for identifiers (not for secrets). */
export function createRng(seed: string | number): Rng {
  if (typeof seed !== 'string' && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new TypeError('"seed" must be a string or a finite number');
  }
  let state = seedToState(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    hex(count) {
      let out = '';
      for (let i = 0; i < count; i++) out += '0123456789ABCDEF'[int(16)];
      return out;
    },
    pick(items) {
      if (items.length === 0) throw new TypeError('"items" must not be empty');
      return items[int(items.length)] as (typeof items)[number];
    },
  };
}
