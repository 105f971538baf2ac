// The local check of an FA(3) file before anything is sent (issue 12, step 2; Sending §1): every rule of
// basic.ts plus the official FA(3) schema. The schema engine is loaded with `import()` on first use, so only the
// chunk of the view that calls this carries it. The worker imports basic.ts instead (no engine at all). A file
// that reads cleanly is parsed once, by libxml2 (fast.ts); any other gets the full check, xmldom's tree included.
import { finish, runBasicChecks } from './basic';
import type { ReadFacts } from './facts';
import { fastCheck } from './fast';
import { duplicateKey } from './rules';
import type { CheckContext, FileCheck, InvoiceFile, SendProblem } from './types';
import { xsdProblems } from './xsd';

export { checkInvoiceBasics, sendProblemText } from './basic';
export * from './types';

type Engine = typeof import('./xsd-engine');
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= import('./xsd-engine').catch((error: unknown) => {
    engine = undefined; // a failed load (e.g. a CSP without 'wasm-unsafe-eval') is tried again next time
    throw error;
  });
  return engine;
}

async function schemaProblems(bytes: Uint8Array, doc: Parameters<typeof xsdProblems>[1]): Promise<SendProblem[]> {
  let validate: Engine['validateFa3'];
  try {
    validate = (await loadEngine()).validateFa3;
  } catch (error) {
    return [{ code: 'XSD_INVALID', detail: String((error as Error)?.message ?? error), data: { rule: 'unavailable' } }];
  }
  const outcome = validate(bytes);
  if (outcome.kind === 'valid') return [];
  if (outcome.kind === 'unreadable') {
    // libxml2 is stricter than xmldom in a few corners (e.g. control characters): still "not XML" to KSeF.
    const first = outcome.issues[0];
    return [{ code: 'NOT_XML', line: first?.line, detail: first?.message }];
  }
  return xsdProblems(outcome.issues, doc);
}

async function checkOne(file: InvoiceFile, ctx: CheckContext): Promise<{ result: FileCheck; facts?: ReadFacts }> {
  const fast = await fastCheck(file, ctx, loadEngine);
  if (fast) return fast;
  const run = await runBasicChecks(file, ctx);
  if (run.validate) run.check.problems.push(...(await schemaProblems(file.bytes, run.doc)));
  return { result: finish(run.check, run.text), facts: run.facts };
}

export async function checkInvoiceFile(file: InvoiceFile, ctx: CheckContext): Promise<FileCheck> {
  return (await checkOne(file, ctx)).result;
}

/**
 * Checks a batch one file after another (one file's tree in memory at a time) and marks a later file that
 * repeats an earlier one's seller NIP + RodzajFaktury + P_2: KSeF would refuse the second as a duplicate (440).
 */
export async function checkInvoiceFiles(files: InvoiceFile[], ctx: CheckContext): Promise<FileCheck[]> {
  const results: FileCheck[] = [];
  const firstByKey = new Map<string, string>();
  for (const file of files) {
    const { result, facts: read } = await checkOne(file, ctx);
    const key = result.facts ? duplicateKey(result.facts) : undefined;
    const first = key === undefined ? undefined : firstByKey.get(key);
    if (key !== undefined && first === undefined) firstByKey.set(key, result.fileName);
    if (first !== undefined && result.facts) {
      const { sellerNip, kind, number } = result.facts;
      const repeat: SendProblem = {
        code: 'DUPLICATE_IN_BATCH', ...read?.where.number, data: { sellerNip, kind, number, otherFile: first },
      };
      results.push(finish({ ...result, problems: [...result.problems, repeat] }, undefined));
    } else {
      results.push(result);
    }
  }
  return results;
}
