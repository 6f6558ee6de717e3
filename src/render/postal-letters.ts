import { addressLines, joinNames } from '../compose/letter-view.js';
import { fullName } from '../compose/person-name.js';
import type { DecisionRecord } from '../decision/decision-schema.js';
import { listHousehold } from '../decision/household.js';
import type { PlannedDocument } from '../plan/correspondence-plan.js';
import type { RenderedLetter } from './rendered-decision.js';

/** The PDF a letter prints, as the renderer produced it. */
interface PrintedDocument {
  readonly document: PlannedDocument;
  readonly path: string;
  readonly sha256: string;
}

/**
 * The letters a decision mails: each document whose channels include mail, to its recipient's
 * address (the representative's, or the addressees': a family member's own, else the client's),
 * and the representative's copy when mail is one of the correspondence's channels.
 */
export function postalLetters(record: DecisionRecord, printed: readonly PrintedDocument[]): RenderedLetter[] {
  const c = record.correspondence;
  const representative = c.representative ?? undefined;
  const household = new Map(listHousehold(record).map((p) => [p.uci, p]));
  const letters: RenderedLetter[] = [];
  for (const { document, path, sha256 } of printed) {
    const common = { path, kind: document.kind, sha256, languages: document.languages };
    if (document.channels.includes('mail')) {
      if (document.recipient === 'representative' && representative?.postalAddress) {
        letters.push({ ...common, recipient: 'representative', copy: false, addressBlock: [representative.name, ...addressLines(representative.postalAddress)] });
      } else if (document.addressees) {
        const people = document.addressees.flatMap((uci) => household.get(uci) ?? []);
        const first = people[0];
        const address = first?.familyMember?.postalAddress ?? c.postalAddress;
        if (first && address) {
          const names = joinNames(people.map((p) => fullName(p.familyMember ?? record.principalApplicant)), document.language);
          letters.push({ ...common, recipient: document.recipient, copy: false, addressBlock: [names, ...addressLines(address)] });
        }
      }
    }
    if ((document.copies ?? []).includes('representative') && representative?.postalAddress && c.channels.includes('mail')) {
      letters.push({ ...common, recipient: 'representative', copy: true, addressBlock: [representative.name, ...addressLines(representative.postalAddress)] });
    }
  }
  return letters;
}
