// Who may send the invoice and whether KSeF would take it now: the seller NIP must be the organisation's (the
// context may invoice only for its own NIP here, NOTES §8.4), P_1 must not be after today in Poland (KSeF
// compares it with the acceptance date, NOTES §8.4; lib/core/time.ts holds the Polish calendar), and seller NIP
// + RodzajFaktury + P_2 must not have been sent before (KSeF's duplicate key, 440, NOTES §8.3–8.4).
import { warsawDay } from '../../core/time';
import { normalizeNip } from '../../domain/nip';
import type { ReadFacts } from './facts';
import type { CheckContext, SendProblem } from './types';

export interface OrganisationResult {
  profileId?: string;
  problem?: SendProblem;
}

const sameNip = (profileNip: string, sellerNip: string) => (normalizeNip(profileNip) ?? profileNip) === sellerNip;

export function checkOrganisation(facts: ReadFacts, ctx: CheckContext): OrganisationResult {
  // facts.where is read only for a problem: the send view's single-parse check computes it on demand (fast.ts).
  const where = () => facts.where.sellerNip;
  if (!facts.sellerNip) {
    return { profileId: ctx.profileId, problem: { code: 'NO_ORGANISATION', ...where(), data: { rule: 'noSellerNip' } } };
  }
  if (ctx.profileId !== undefined) {
    const picked = ctx.profiles.find((p) => p.id === ctx.profileId);
    if (!picked) {
      return { problem: { code: 'NO_ORGANISATION', ...where(), data: { rule: 'unknownProfile', sellerNip: facts.sellerNip } } };
    }
    if (!sameNip(picked.nip, facts.sellerNip)) {
      return {
        profileId: picked.id,
        problem: {
          code: 'SELLER_NOT_ORGANISATION', ...where(),
          data: { sellerNip: facts.sellerNip, orgNip: picked.nip, orgName: picked.name },
        },
      };
    }
    return { profileId: picked.id };
  }
  const matching = ctx.profiles.find((p) => sameNip(p.nip, facts.sellerNip));
  if (matching) return { profileId: matching.id };
  return { problem: { code: 'NO_ORGANISATION', ...where(), data: { rule: 'noMatch', sellerNip: facts.sellerNip } } };
}

export function checkIssueDate(facts: ReadFacts, now: Date): SendProblem | undefined {
  // A malformed P_1 is the schema's finding (XSD_INVALID), not this rule's.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(facts.issueDate)) return undefined;
  const today = warsawDay(now);
  if (facts.issueDate <= today) return undefined;
  return { code: 'ISSUE_DATE_IN_FUTURE', ...facts.where.issueDate, data: { date: facts.issueDate, today } };
}

export async function checkEarlier(facts: ReadFacts, ctx: CheckContext): Promise<SendProblem | undefined> {
  if (!facts.sellerNip || !facts.kind || !facts.number) return undefined;
  const earlier = await ctx.findEarlier(facts.sellerNip, facts.kind, facts.number);
  if (!earlier) return undefined;
  const data: Record<string, string> = {
    sellerNip: facts.sellerNip, kind: facts.kind, number: facts.number, at: earlier.at, where: earlier.where,
  };
  if (earlier.ksefNumber) data.ksefNumber = earlier.ksefNumber;
  if (earlier.outboxItemId) data.outboxItemId = earlier.outboxItemId;
  return { code: 'ALREADY_SENT', ...facts.where.number, data };
}

/** The key KSeF refuses twice (440): seller NIP + RodzajFaktury + P_2. */
export function duplicateKey(facts: { sellerNip: string; kind: string; number: string }): string | undefined {
  if (!facts.sellerNip || !facts.kind || !facts.number) return undefined;
  return `${facts.sellerNip}\u0000${facts.kind}\u0000${facts.number}`;
}
