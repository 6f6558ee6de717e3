import type { DecisionRecord } from '../decision/decision-schema.js';
import { fullName } from '../compose/person-name.js';
import type { CorrespondencePlan, PlannedDocument, Recipient } from '../plan/correspondence-plan.js';

/** One client-side email to write: who it goes to and the documents it carries, in plan order. */
export interface ClientEmailRoute {
  /** `client`: to whoever receives the correspondence (the representative when there is one); `applicant`: to the client's own address. */
  readonly label: 'client' | 'applicant';
  readonly recipient: Extract<Recipient, 'client' | 'representative'>;
  readonly to: { readonly name: string; readonly address: string };
  readonly documents: readonly PlannedDocument[];
}

const addressedToHousehold = (d: PlannedDocument) => d.addressees !== undefined;

/**
 * The client-side emails of a plan. The correspondence goes to the representative when there is
 * one, with the copies addressed to them; letters addressed to the people of the application go to
 * the client's own email when it is on file. Without a representative, one email carries every
 * client-side letter whose channels include email. A route with no document is left out.
 */
export function clientEmailRoutes(record: DecisionRecord, plan: CorrespondencePlan): ClientEmailRoute[] {
  const c = record.correspondence;
  const representative = c.representative ?? undefined;
  const byEmail = (d: PlannedDocument) => d.channels.includes('email');
  const routes: ClientEmailRoute[] = [];
  if (representative) {
    const documents = plan.documents.filter(
      (d) => c.channels.includes('email') && (d.recipient === 'representative' || (d.copies ?? []).includes('representative')),
    );
    if (representative.email && documents.length > 0) {
      routes.push({ label: 'client', recipient: 'representative', to: { name: representative.name, address: representative.email }, documents });
    }
    const own = plan.documents.filter((d) => addressedToHousehold(d) && byEmail(d));
    if (c.email && own.length > 0) {
      routes.push({ label: 'applicant', recipient: 'client', to: { name: fullName(record.principalApplicant), address: c.email }, documents: own });
    }
    return routes;
  }
  const documents = plan.documents.filter((d) => (d.recipient === 'client' || d.recipient === 'family-member') && byEmail(d));
  if (c.email && documents.length > 0) {
    routes.push({ label: 'client', recipient: 'client', to: { name: fullName(record.principalApplicant), address: c.email }, documents });
  }
  return routes;
}
