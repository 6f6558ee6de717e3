import { assertDecision } from '../../src/decision/parse-decision.js';
import type { DecisionRecord, Language } from '../../src/decision/decision-schema.js';
import { composeClientEmail } from '../../src/email/compose-client-email.js';
import { composeInternalEmail } from '../../src/email/compose-internal-email.js';
import type { ComposedEmail, EmailAttachment } from '../../src/email/composed-email.js';
import { clientEmailRoutes } from '../../src/email/client-email-routes.js';
import { emailContext } from '../support/render-kit.js';
import type { CorrespondencePlan, DocumentKind, PlannedDocument } from '../../src/plan/correspondence-plan.js';
import { planCorrespondence } from '../../src/plan/plan-correspondence.js';
import { loadFixtures } from '../support/fixtures.js';

const fixtures = new Map(loadFixtures('decisions').map((f) => [f.name.replace(/\.json$/, ''), f.record]));

/** A fresh copy of a valid fixture's JSON, to edit before validation. */
export function fixtureJson(name: string): Record<string, any> {
  const record = fixtures.get(name);
  if (record === undefined) throw new Error(`no fixture ${name}`);
  return structuredClone(record) as Record<string, any>;
}

/** A validated fixture and its plan. */
export function loadCase(name: string, edit?: (json: Record<string, any>) => void): { record: DecisionRecord; plan: CorrespondencePlan } {
  const json = fixtureJson(name);
  edit?.(json);
  const record = assertDecision(json);
  return { record, plan: planCorrespondence(record) };
}

/** Synthetic document titles: the emails list whatever the typesetter calls a PDF. */
const TITLES: Record<DocumentKind, Record<Language, string>> = {
  'refusal-letter': { en: 'Decision on your application', fr: 'Décision concernant votre demande' },
  'approval-letter': { en: 'Approval in principle', fr: 'Approbation de principe' },
  'departure-instructions': { en: 'Instructions for leaving Canada', fr: 'Instructions de départ du Canada' },
  'cbsa-no-status-notice': { en: 'Notice: person without status', fr: 'Avis : personne sans statut' },
  'cbsa-removals-notice': { en: 'Notice of decision: removal order', fr: 'Avis de décision : mesure de renvoi' },
  'trp-rationale': { en: 'TRP rationale', fr: 'Justification du PST' },
  'csq-request': { en: 'Quebec selection certificate', fr: 'Certificat de sélection du Québec' },
  'file-update': { en: 'File update', fr: 'Mise à jour du dossier' },
};

/** A small synthetic PDF for a planned document: any bytes will do, as long as they differ per document. */
export function pdfFor(document: PlannedDocument): EmailAttachment {
  const stem = [document.kind, document.uci, document.languages.join('-')].filter(Boolean).join('-');
  const [first = document.language] = document.languages;
  return {
    fileName: `${stem}.pdf`,
    title: document.languages.map((l) => TITLES[document.kind][l]).join(' / '),
    titles: Object.fromEntries(document.languages.map((l) => [l, TITLES[document.kind][l]])),
    bytes: new TextEncoder().encode(`%PDF-1.7 test ${stem} ${first}`),
  };
}

/** The documents the first client email carries (to the client, or to the representative when there is one). */
export function clientDocuments(record: DecisionRecord, plan: CorrespondencePlan): PlannedDocument[] {
  return [...(clientEmailRoutes(record, plan)[0]?.documents ?? [])];
}

export function internalDocuments(plan: CorrespondencePlan): PlannedDocument[] {
  return plan.documents.filter((d) => d.channels.includes('internal'));
}

/** Every client email of a fixture with synthetic PDFs, one per route. */
export async function clientEmailsOf(name: string, edit?: (json: Record<string, any>) => void): Promise<ComposedEmail[]> {
  const { record, plan } = loadCase(name, edit);
  return Promise.all(clientEmailRoutes(record, plan).map((route) => composeClientEmail(record, route, route.documents.map(pdfFor), emailContext())));
}

/** The first client email of a fixture; throws when there is none. */
export async function clientEmailOf(name: string, edit?: (json: Record<string, any>) => void): Promise<ComposedEmail> {
  const [email] = await clientEmailsOf(name, edit);
  if (!email) throw new Error(`${name}: no client email`);
  return email;
}

/** Every email of a fixture: the client's (if any), then one per internal document. */
export async function composeEmailsOf(name: string): Promise<ComposedEmail[]> {
  const { record, plan } = loadCase(name);
  const client = await clientEmailsOf(name);
  const internal = await Promise.all(internalDocuments(plan).map((d) => composeInternalEmail(record, d, pdfFor(d), emailContext())));
  return [...client, ...internal];
}
