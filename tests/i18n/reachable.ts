// The project's own modules an entrypoint reaches through value imports (type-only imports are erased by
// the bundler), and the catalog keys their code can name: literal strings and `prefix_${…}` templates.
// Used to prove each context's catalog holds every key its code can ask for (tests/i18n/context-keys.test.ts).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  if (/\.(ts|tsx)$/.test(base) && fs.existsSync(base)) return base;
  return EXTENSIONS.map((ext) => base + ext).find((f) => fs.existsSync(f));
}

type Wanted = Set<string> | '*';

/** The value names of a clause like `{ a, type B, c as d }` (type-only names dropped), as [imported, local]. */
function specifiers(list: string): [string, string][] {
  return list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '' && !n.startsWith('type '))
    .map((n) => {
      const [from, as] = n.split(/\s+as\s+/);
      return [from!.trim(), (as ?? from)!.trim()];
    });
}

interface Parsed {
  /** Value imports: target and the names it must provide ('*' for a namespace or side-effect import). */
  imports: [string, Wanted][];
  /** Re-exports: exported name → [target, name there]; `export *` targets. */
  reexports: Map<string, [string, string]>;
  stars: string[];
  /** Names the file's own code defines. */
  locals: Set<string>;
}

const parsed = new Map<string, Parsed>();

function parse(file: string): Parsed {
  const cached = parsed.get(file);
  if (cached) return cached;
  const code = fs.readFileSync(file, 'utf8');
  const out: Parsed = { imports: [], reexports: new Map(), stars: [], locals: new Set() };
  const stmt = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s*)?['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(stmt)) {
    if (m[2]) continue;
    const [, kind, , rawClause, spec] = m;
    const target = resolve(file, spec!);
    if (!target) continue;
    const clause = rawClause!.trim();
    const braces = /\{([\s\S]*)\}/.exec(clause)?.[1];
    if (kind === 'import') {
      if (clause === '' || clause.includes('*')) out.imports.push([target, '*']);
      else {
        const names = new Set(braces !== undefined ? specifiers(braces).map(([from]) => from) : []);
        if (/^[\w$]+\s*(,|$)/.test(clause)) names.add('default');
        if (names.size > 0) out.imports.push([target, names]);
      }
    } else if (clause === '*' || clause.startsWith('* as')) out.stars.push(target);
    else if (braces !== undefined) for (const [from, as] of specifiers(braces)) out.reexports.set(as, [target, from]);
  }
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const target = resolve(file, m[1]!);
    if (target) out.imports.push([target, '*']);
  }
  for (const m of code.matchAll(/export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|enum)\s+([\w$]+)/g)) out.locals.add(m[1]!);
  for (const m of code.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const [, as] of specifiers(m[1]!)) out.locals.add(as);
  for (const m of code.matchAll(/export\s*\{([^}]*)\}\s*;/g)) for (const [, as] of specifiers(m[1]!)) out.locals.add(as);
  if (/export\s+default\s/.test(code)) out.locals.add('default');
  parsed.set(file, out);
  return out;
}

/**
 * Every source file an entry reaches through the names it imports, as a bundler keeps them: a barrel's
 * re-exports are followed only for the names asked of it, a file is kept when one of its own names is asked
 * for (then all its imports count). Type-only imports are erased and do not count.
 */
export function reachableFiles(entry: string): string[] {
  const kept = new Set<string>();
  const asked = new Map<string, Set<string>>();
  const stack: [string, Wanted][] = [[path.join(ROOT, entry), '*']];
  while (stack.length) {
    const [file, wanted] = stack.pop()!;
    const info = parse(file);
    const before = asked.get(file) ?? new Set<string>();
    const fresh = wanted === '*' ? ['*'] : [...wanted].filter((n) => !before.has(n) && !before.has('*'));
    if (fresh.length === 0 && kept.has(file)) continue;
    fresh.forEach((n) => before.add(n));
    asked.set(file, before);
    const all = fresh.includes('*');
    for (const [name, [target, there]] of info.reexports) if (all || fresh.includes(name)) stack.push([target, new Set([there])]);
    for (const target of info.stars) stack.push([target, all ? '*' : new Set(fresh.filter((n) => !info.locals.has(n) && !info.reexports.has(n)))]);
    if (!kept.has(file) && (all || fresh.some((n) => info.locals.has(n)))) {
      kept.add(file);
      stack.push(...info.imports);
    }
  }
  return [...kept].map((f) => path.relative(ROOT, f)).sort();
}

/** The keys of `catalog` that code in `files` can name: quoted literals, and every key under a template prefix. */
export function keysNamedIn(files: readonly string[], catalog: readonly string[]): string[] {
  const known = new Set(catalog);
  const named = new Set<string>();
  for (const file of files) {
    const code = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of code.matchAll(/['"`]([a-zA-Z][\w]*)['"`]/g)) {
      if (known.has(m[1]!)) named.add(m[1]!);
      // A plural base (tp): every form of it.
      if (known.has(`${m[1]}_other`)) for (const key of catalog) if (/_(zero|one|two|few|many|other)$/.test(key) && key.startsWith(`${m[1]}_`)) named.add(key);
    }
    // `prefix_${code}` templates, and 'prefix_' literals passed to a helper that appends the code.
    for (const m of [...code.matchAll(/`([a-zA-Z][\w]*?_)\$\{/g), ...code.matchAll(/['"]([a-zA-Z][\w]*_)['"]/g)]) {
      for (const key of catalog) if (key.startsWith(m[1]!)) named.add(key);
    }
  }
  return [...named].sort();
}
