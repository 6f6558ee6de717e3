import type { DecisionRule, IssuePath, RuleIssue } from './decision-rule.js';
import { anniversary, compareDates } from './calendar-date.js';
import type { PostalAddress, StatusInCanada } from './decision-schema.js';
import { isA42Case, listHousehold, peopleToLeaveWithoutOrder, permitHolders } from './household.js';
import { languagesFrom } from './language-order.js';
import { addressesFitTheWindow, namesFitTheWindow } from './window-address-rules.js';

const channelsAreUnique: DecisionRule = (r) =>
  r.correspondence.channels.flatMap((c, i, all) =>
    all.indexOf(c) < i ? [{ path: ['correspondence', 'channels', i], code: 'CHANNEL_DUPLICATE' }] : [],
  );

/** Correspondence goes to the representative when there is one, so the channel needs their address. */
const channelsHaveAddresses: DecisionRule = (r) => {
  const c = r.correspondence;
  const rep = c.representative ?? undefined;
  const base = rep ? ['correspondence', 'representative'] : ['correspondence'];
  const issues: RuleIssue[] = [];
  const email = rep ? rep.email : c.email;
  const postal: PostalAddress | null | undefined = rep ? rep.postalAddress : c.postalAddress;
  if (c.channels.includes('email') && !email) issues.push({ path: [...base, 'email'], code: 'EMAIL_REQUIRED' });
  if (c.channels.includes('mail') && !postal) {
    issues.push({ path: [...base, 'postalAddress'], code: 'POSTAL_ADDRESS_REQUIRED' });
  }
  return issues;
};

const bornBeforeDecision: DecisionRule = (r) => {
  const people = [
    { path: ['principalApplicant'], dob: r.principalApplicant.dateOfBirth },
    ...(r.familyMembers ?? []).map((m, i) => ({ path: ['familyMembers', i], dob: m.dateOfBirth })),
  ];
  return people
    .filter((p) => compareDates(p.dob, r.decisionDate) >= 0)
    .map((p) => ({ path: [...p.path, 'dateOfBirth'], code: 'DATE_OF_BIRTH_AFTER_DECISION' }));
};

const ucisAreUnique: DecisionRule = (r) => {
  const seen = new Set<string>();
  return listHousehold(r).flatMap((p) => {
    const duplicate = seen.has(p.uci);
    seen.add(p.uci);
    return duplicate ? [{ path: [...p.path, 'uci'], code: 'UCI_DUPLICATE' as const }] : [];
  });
};

function statusIssues(status: StatusInCanada, path: IssuePath, decisionDate: string): RuleIssue[] {
  const at = (field: string): IssuePath => [...path, field];
  if (!status.valid) {
    return status.expires === undefined ? [] : [{ path: at('expires'), code: 'STATUS_INCONSISTENT' }];
  }
  const issues: RuleIssue[] = [];
  if (status.kind === 'none') issues.push({ path: at('kind'), code: 'STATUS_INCONSISTENT' });
  if (status.expiredOn !== undefined) issues.push({ path: at('expiredOn'), code: 'STATUS_INCONSISTENT' });
  if (status.expires === undefined) issues.push({ path: at('expires'), code: 'STATUS_EXPIRY_REQUIRED' });
  else if (compareDates(status.expires, decisionDate) < 0) {
    issues.push({ path: at('expires'), code: 'STATUS_EXPIRED_BEFORE_DECISION' });
  }
  return issues;
}

const statusesAreConsistent: DecisionRule = (r) =>
  listHousehold(r).flatMap((p): RuleIssue[] => {
    if (!p.status) {
      return p.inCanada ? [{ path: [...p.path, 'statusInCanada'], code: 'STATUS_REQUIRED' }] : [];
    }
    const issues = statusIssues(p.status, [...p.path, 'statusInCanada'], r.decisionDate);
    if (p.removalOrder && p.status.valid) {
      issues.push({ path: [...p.path, 'removalOrder'], code: 'REMOVAL_ORDER_WITH_VALID_STATUS' });
    }
    return issues;
  });

const inadmissibilityIsExplained: DecisionRule = (r) =>
  (r.familyMembers ?? []).flatMap((m, i): RuleIssue[] => {
    const path = ['familyMembers', i, 'inadmissibility'];
    if (!m.admissible && m.inadmissibility === undefined) return [{ path, code: 'INADMISSIBILITY_MISSING' }];
    if (m.admissible && m.inadmissibility !== undefined) return [{ path, code: 'INADMISSIBILITY_UNEXPECTED' }];
    return [];
  });

/** A member's own outcome exists for one case: refused while the rest of the family is approved. */
const memberOutcomeIsPartialRefusal: DecisionRule = (r) =>
  (r.familyMembers ?? []).flatMap((m, i): RuleIssue[] =>
    m.outcome === undefined || (m.outcome === 'refused' && r.outcome === 'approved-in-principle')
      ? []
      : [{ path: ['familyMembers', i, 'outcome'], code: 'MEMBER_OUTCOME_INVALID' }],
  );

const departureDeadlineFits: DecisionRule = (r) => {
  const d = r.departure;
  if (!d) return [];
  const path = ['departure', 'deadline'];
  if (d.voluntaryDepartureAppropriate && d.deadline === undefined) return [{ path, code: 'DEADLINE_REQUIRED' }];
  if (!d.voluntaryDepartureAppropriate && d.deadline !== undefined) return [{ path, code: 'DEADLINE_UNEXPECTED' }];
  if (d.deadline !== undefined && compareDates(d.deadline, r.decisionDate) <= 0) {
    return [{ path, code: 'DEADLINE_BEFORE_DECISION' }];
  }
  return [];
};

/**
 * The departure decision is there exactly when someone must leave without a removal order, or when
 * a refused person without status holds a permit: the block then says what applies if the permit
 * is refused, and the plan notes it.
 */
const departureMatchesHousehold: DecisionRule = (r) => {
  const leaving = peopleToLeaveWithoutOrder(r);
  if (leaving.length > 0) {
    return r.departure ? [] : [{ path: ['departure'], code: 'DEPARTURE_DECISION_MISSING' }];
  }
  if (!r.departure?.voluntaryDepartureAppropriate) return [];
  const permits = permitHolders(r);
  const refusedInCanada = listHousehold(r).filter((p) => p.outcome === 'refused' && p.inCanada);
  if (refusedInCanada.some((p) => p.status?.valid === false && !p.removalOrder && permits.has(p.uci))) return [];
  const path = ['departure', 'voluntaryDepartureAppropriate'];
  if (refusedInCanada.length === 0) return [{ path, code: 'DEPARTURE_ON_APPROVAL' }];
  if (refusedInCanada.every((p) => p.status?.valid === true)) return [{ path, code: 'DEPARTURE_WITH_VALID_STATUS' }];
  return [{ path, code: 'DEPARTURE_NOT_APPLICABLE' }];
};

const permitsFitTheProcedure: DecisionRule = (r) => {
  const household = new Map(listHousehold(r).map((p) => [p.uci, p]));
  const permitted = new Set<string>();
  return (r.trp ?? []).flatMap((permit, i): RuleIssue[] => {
    const at = (field?: string): IssuePath => (field ? ['trp', i, field] : ['trp', i]);
    const issues: RuleIssue[] = [];
    const person = household.get(permit.uci);
    if (!person) issues.push({ path: at('uci'), code: 'TRP_PERSON_UNKNOWN' });
    else {
      if (permitted.has(permit.uci)) issues.push({ path: at('uci'), code: 'TRP_PERSON_DUPLICATE' });
      if (person.outcome !== 'refused') issues.push({ path: at(), code: 'TRP_WITHOUT_REFUSAL' });
      if (!person.inCanada) issues.push({ path: at('uci'), code: 'TRP_PERSON_NOT_IN_CANADA' });
    }
    permitted.add(permit.uci);
    // Only grounds the record states are checked: the default is derived to fit (record-defaults.ts).
    if (permit.grounds === 'a42-family-member' && !isA42Case(r, person)) {
      issues.push({ path: at('grounds'), code: 'TRP_A42_NOT_APPLICABLE' });
    }
    if (compareDates(permit.validFrom, r.decisionDate) < 0) {
      issues.push({ path: at('validFrom'), code: 'TRP_STARTS_BEFORE_DECISION' });
    }
    // R63: from one day (validFrom = validTo, both days included) to three years, whose last
    // valid day is the day before the third anniversary (28 February for a permit from a leap day).
    if (compareDates(permit.validTo, permit.validFrom) < 0) {
      issues.push({ path: at('validTo'), code: 'TRP_VALIDITY_INVERTED' });
    } else if (compareDates(permit.validTo, anniversary(permit.validFrom, 3)) >= 0) {
      issues.push({ path: at('validTo'), code: 'TRP_VALIDITY_TOO_LONG' });
    }
    return issues;
  });
};

/**
 * A refusal letter quotes the reasons in each of its language versions, so the reasons must exist in
 * every language the client reads: never English reasons under French headings.
 */
const reasonsFitTheLetters: DecisionRule = (r) => {
  if (typeof r.reasons !== 'string' && r.reasonsLanguage !== undefined) {
    return [{ path: ['reasonsLanguage'], code: 'REASONS_LANGUAGE_UNEXPECTED' }];
  }
  if (!listHousehold(r).some((p) => p.outcome === 'refused')) return [];
  const c = r.correspondence;
  return languagesFrom(c.language, c.bilingual).flatMap((language): RuleIssue[] => {
    if (typeof r.reasons !== 'string') {
      return r.reasons[language] === undefined ? [{ path: ['reasons', language], code: 'REASONS_LANGUAGE_MISMATCH' }] : [];
    }
    const written = r.reasonsLanguage ?? c.language;
    if (written === language) return [];
    return [{ path: [r.reasonsLanguage === undefined ? 'reasons' : 'reasonsLanguage'], code: 'REASONS_LANGUAGE_MISMATCH' }];
  });
};

/** Every cross-field rule, in the order their issues are reported. */
export const DECISION_RULES: readonly DecisionRule[] = [
  namesFitTheWindow,
  addressesFitTheWindow,
  channelsAreUnique,
  channelsHaveAddresses,
  bornBeforeDecision,
  ucisAreUnique,
  statusesAreConsistent,
  inadmissibilityIsExplained,
  memberOutcomeIsPartialRefusal,
  departureDeadlineFits,
  departureMatchesHousehold,
  permitsFitTheProcedure,
  reasonsFitTheLetters,
];

export type { DecisionRule, IssuePath, RuleIssue } from './decision-rule.js';
