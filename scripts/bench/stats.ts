// Shared by every bench script (issue 15): figures as min / median / max over the runs, the machine's load
// beside them, ratios to a baseline taken pair by pair, and one JSON file per area in bench-results/.
// Speed is never asserted in tests (STYLE); these files are what the summary (scripts/bench-summary.ts) reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = 'bench-results';

/** Runs per figure: issue 15 asks for at least 9. BENCH_RUNS may raise it, never lower it below 9. */
export const RUNS = Math.max(9, Number(process.env.BENCH_RUNS ?? 9) || 9);

export interface Stats {
  min: number;
  median: number;
  max: number;
  runs: number;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function stats(values: number[], digits = 1): Stats {
  if (values.length === 0) throw new Error('stats: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: round(sorted[0]!, digits), median: round(median, digits), max: round(sorted.at(-1)!, digits), runs: values.length };
}

/** Ratio of each run to the baseline run beside it (A B A B …), as stats. */
export function pairRatio(values: number[], baseline: number[]): Stats {
  if (values.length !== baseline.length) throw new Error('pairRatio: the two series differ in length');
  return stats(values.map((v, i) => v / Math.max(baseline[i]!, 1e-3)), 2);
}

/** The 1, 5 and 15 minute load averages (2 shared cores: figures scale with it). */
export function load(): number[] {
  return loadavg().map((n) => round(n, 2));
}

/** A figure measured with the load average before and after its runs. */
export interface Measured extends Stats {
  loadBefore: number[];
  loadAfter: number[];
}

/** Runs `measure` RUNS times after `warmUp` warm-ups, collecting one number each; load recorded around it. */
export async function measureRuns(measure: (run: number) => Promise<number>, options: { runs?: number; warmUp?: number } = {}): Promise<{ values: number[]; loadBefore: number[]; loadAfter: number[] }> {
  const runs = options.runs ?? RUNS;
  const warmUp = options.warmUp ?? 1;
  const loadBefore = load();
  const values: number[] = [];
  for (let i = -warmUp; i < runs; i++) {
    const v = await measure(i);
    if (i >= 0) values.push(v);
  }
  return { values, loadBefore, loadAfter: load() };
}

export function writeResult(file: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, file);
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  return out;
}

export function log(line: string): void {
  process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}
