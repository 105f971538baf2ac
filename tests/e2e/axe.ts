// The one accessibility check every e2e test of a page calls (issue 16: "0 axe violations on every page and state
// you screenshot"). axe-core's WCAG 2.0/2.1/2.2 A and AA rules plus its best practices, as shipped: no rule is
// switched off here, so a page that needs an exception must say so at the call site with `disableRules` and why.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeCheckOptions {
  /** CSS selectors to check instead of the whole page. */
  include?: string[];
  /** CSS selectors to leave out (e.g. a third-party frame). */
  exclude?: string[];
  /** Rule ids to skip; every use needs a comment at the call site saying why. */
  disableRules?: string[];
  /** Shown in the failure message, e.g. "inbox 400 px dark". */
  label?: string;
}

/** Runs axe on the page as it is now and fails listing each violation's rule id, impact and node targets. */
export async function expectNoAxeViolations(page: Page, options: AxeCheckOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
    return `${violation.id} (${violation.impact ?? 'unknown impact'}, ${violation.nodes.length} node(s)): ${targets}\n    ${violation.help}`;
  });
  const where = options.label ? ` [${options.label}]` : '';
  expect(lines, `axe violations on ${page.url()}${where}:\n${lines.join('\n')}`).toEqual([]);
}
