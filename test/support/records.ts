import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A plain JSON object, as a record arrives from upstream before validation. */
export type Json = Record<string, unknown>;

const BASE_FILE = fileURLToPath(new URL('../../fixtures/decisions/refused-voluntary-departure-fr.json', import.meta.url));
const base = JSON.parse(readFileSync(BASE_FILE, 'utf8')) as Json;

/** A fresh copy of a valid refusal: principal without status, voluntary departure appropriate. */
export function validRecord(): Json {
  return structuredClone(base);
}

/** A fresh valid record changed by `edit`, which may mutate it freely. */
export function recordWith(edit: (record: Json & Record<string, any>) => void): Json {
  const record = validRecord();
  edit(record);
  return record;
}

/** A synthetic family member in Canada without status; override any field. */
export function familyMember(overrides: Json = {}): Json {
  return {
    uci: '2345-6789',
    familyName: 'Tremblay-Essai',
    givenNames: 'Marc-André',
    dateOfBirth: '1983-07-14',
    relationship: 'spouse',
    accompanying: true,
    inCanada: true,
    admissible: true,
    statusInCanada: { valid: false, kind: 'visitor', expiredOn: '2025-01-31' },
    removalOrder: null,
    ...overrides,
  };
}

/** A synthetic TRP for the principal applicant; override any field. */
export function permit(overrides: Json = {}): Json {
  return {
    uci: '1234-5678',
    grounds: 'compelling-reasons',
    rationale: 'Raisons impérieuses : traitement médical en cours au Canada.',
    riskAssessment: 'Aucun risque pour la sécurité ni la santé publique.',
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
    reentryAllowed: false,
    conditions: ['Se présenter à un agent sur demande.'],
    fee: { receiptNumber: 'R-000-111' },
    ...overrides,
  };
}

export const removalOrder = (type: string, stayed = false): Json => ({
  type,
  enforceableOn: '2026-06-01',
  stayed,
  cbsaOffice: 'ASFC, bureau d’exécution de la loi du Grand Montréal',
});
