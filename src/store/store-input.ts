import { LANGUAGES, type Language } from '../decision/decision-schema.js';
import { canonicalJson, NotJsonError, sha256Hex } from './canonical-json.js';
import { FOLLOW_UP_KINDS, type FollowUpKind } from './follow-up-state.js';
import type { ApprovalPolicy, FileInput, FollowUpInput, ItemInput } from './store.js';
import { StoreInputError } from './store-input-error.js';

// Checks of what callers hand the store. Messages name the field, never its value.

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DECISION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const LOWER_CODE = /^[a-z][a-z0-9-]{0,63}$/;
const ITEM_KEY = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Array.isArray narrows a typed readonly list to any[]; this keeps the declared element type.
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function invalid(subject: string, field: string, rule: string): StoreInputError {
  return new StoreInputError('STORE_INPUT_INVALID', subject, `${field} ${rule}`);
}

/** A decision id as the decision schema allows it. */
export function checkDecisionId(value: unknown): string {
  if (typeof value !== 'string' || !DECISION_ID.test(value)) throw invalid('decision', 'decisionId', 'is not a decision id');
  return value;
}

/** An officer, office, worker or actor id: a code, never a name or an email address. */
export function checkId(subject: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !ID.test(value)) throw invalid(subject, field, 'is not an id (letters, digits, . _ : -)');
  return value;
}

/** An error code reported by a worker. */
export function checkCode(subject: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !CODE.test(value)) throw invalid(subject, field, 'is not an UPPER_SNAKE_CASE code');
  return value;
}

/** A list (its elements are checked by the caller). */
export function checkList<T>(subject: string, field: string, value: readonly T[]): readonly T[] {
  if (!isList(value)) throw invalid(subject, field, 'is not a list');
  return value;
}

/** The approval policy; `officer` when not given. */
export function checkApproval(subject: string, value: unknown): ApprovalPolicy {
  if (value === undefined) return 'officer';
  if (value !== 'officer' && value !== 'auto') throw invalid(subject, 'approval', 'is not officer or auto');
  return value;
}

export function checkTime(subject: string, field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalid(subject, field, 'is not a valid Date');
  return value;
}

export function checkIsoDate(subject: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw invalid(subject, field, 'is not a YYYY-MM-DD date');
  const [year = 0, month = 0, day = 0] = value.split('-').map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day < 1 || day > days) throw invalid(subject, field, 'is not a calendar date');
  return value;
}

export function checkPositiveInteger(subject: string, field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(subject, field, `is not an integer from 1 to ${max}`);
  }
  return value;
}

export function checkSmtpCode(subject: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 200 || value > 599) {
    throw invalid(subject, 'smtpCode', 'is not an SMTP reply code');
  }
  return value;
}

export function checkSha256(subject: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !SHA256.test(value.toLowerCase())) throw invalid(subject, field, 'is not a SHA-256 in hex');
  return value.toLowerCase();
}

export function checkNonBlank(subject: string, field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || !/\S/.test(value) || value.length > max) {
    throw invalid(subject, field, `is not a non-blank string of at most ${max} characters`);
  }
  return value;
}

/** Canonical JSON of a value that must be JSON (an object when `object` is set). */
export function checkJson(subject: string, field: string, value: unknown, object: boolean): string {
  if (object && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new StoreInputError('RECORD_NOT_JSON', subject, `${field} is not a JSON object`);
  }
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof NotJsonError) throw new StoreInputError('RECORD_NOT_JSON', subject, `${field} holds a value JSON cannot carry at ${error.path}`);
    throw error;
  }
}

/** A file checked against its hash, bytes as a Buffer for the drivers. */
export interface PreparedFile {
  readonly sha256: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** Files deduplicated by hash; each one's bytes must hash to its declared SHA-256. */
export function prepareFiles(subject: string, files: readonly FileInput[]): Map<string, PreparedFile> {
  if (!isList(files)) throw invalid(subject, 'files', 'is not a list');
  const prepared = new Map<string, PreparedFile>();
  files.forEach((file, i) => {
    const sha256 = checkSha256(subject, `files[${i}].sha256`, file.sha256);
    const mediaType = checkNonBlank(subject, `files[${i}].mediaType`, file.mediaType, 255);
    if (!(file.bytes instanceof Uint8Array)) throw invalid(subject, `files[${i}].bytes`, 'is not bytes');
    if (sha256Hex(file.bytes) !== sha256) throw new StoreInputError('FILE_HASH_MISMATCH', subject, `files[${i}] bytes do not hash to its sha256`);
    prepared.set(sha256, { sha256, mediaType, bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) });
  });
  return prepared;
}

/** An item ready to be inserted, its personal parts already serialised. */
export interface PreparedItem {
  readonly key: string;
  readonly kind: string;
  readonly channel: ItemInput['channel'];
  readonly recipient: string;
  readonly languages: string;
  readonly sha256: string;
  readonly messageId: string | null;
  readonly envelopeJson: string | null;
  readonly addressBlockJson: string | null;
  readonly pageCount: number | null;
}

function checkLanguages(subject: string, field: string, value: unknown): Language[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid(subject, field, 'is not a non-empty list');
  const languages = (value as unknown[]).map((l) => {
    if (typeof l !== 'string' || !(LANGUAGES as readonly string[]).includes(l)) throw invalid(subject, field, 'holds an unknown language');
    return l as Language;
  });
  if (new Set(languages).size !== languages.length) throw invalid(subject, field, 'repeats a language');
  return languages;
}

function checkStringList(subject: string, field: string, value: unknown, min: number): string[] {
  if (!Array.isArray(value) || value.length < min) throw invalid(subject, field, `is not a list of at least ${min}`);
  return (value as unknown[]).map((s, i) => checkNonBlank(subject, `${field}[${i}]`, s, 998));
}

/** Items checked and serialised; keys unique (also against `takenKeys`), files present. */
export function prepareItems(
  subject: string,
  items: readonly ItemInput[],
  files: ReadonlyMap<string, PreparedFile>,
  takenKeys: ReadonlySet<string> = new Set(),
): PreparedItem[] {
  if (!isList(items)) throw invalid(subject, 'items', 'is not a list');
  const keys = new Set(takenKeys);
  return items.map((item, i) => {
    const at = `items[${i}]`;
    if (typeof item.key !== 'string' || !ITEM_KEY.test(item.key)) throw invalid(subject, `${at}.key`, 'is not an item key');
    if (keys.has(item.key)) throw new StoreInputError('ITEM_KEY_DUPLICATE', subject, `${at}.key is used twice`);
    keys.add(item.key);
    if (typeof item.kind !== 'string' || !LOWER_CODE.test(item.kind)) throw invalid(subject, `${at}.kind`, 'is not a lowercase code');
    if (typeof item.recipient !== 'string' || !LOWER_CODE.test(item.recipient)) throw invalid(subject, `${at}.recipient`, 'is not a role code');
    const languages = checkLanguages(subject, `${at}.languages`, item.languages);
    const sha256 = checkSha256(subject, `${at}.fileSha256`, item.fileSha256);
    if (!files.has(sha256)) throw new StoreInputError('ITEM_FILE_MISSING', subject, `${at}.fileSha256 names no file of the submission`);
    const base = { key: item.key, kind: item.kind, recipient: item.recipient, languages: languages.join(','), sha256 };
    switch (item.channel) {
      case 'email': {
        const messageId = checkNonBlank(subject, `${at}.messageId`, item.messageId, 998);
        const envelope = item.envelope as unknown;
        if (typeof envelope !== 'object' || envelope === null) throw invalid(subject, `${at}.envelope`, 'is missing');
        const from = checkNonBlank(subject, `${at}.envelope.from`, item.envelope.from, 998);
        const to = checkStringList(subject, `${at}.envelope.to`, item.envelope.to, 1);
        const cc = checkStringList(subject, `${at}.envelope.cc`, item.envelope.cc, 0);
        return { ...base, channel: 'email', messageId, envelopeJson: canonicalJson({ from, to, cc }), addressBlockJson: null, pageCount: null };
      }
      case 'mail': {
        const lines = checkStringList(subject, `${at}.addressBlock`, item.addressBlock, 1);
        const pageCount = checkPositiveInteger(subject, `${at}.pageCount`, item.pageCount, 10_000);
        return { ...base, channel: 'mail', messageId: null, envelopeJson: null, addressBlockJson: canonicalJson(lines), pageCount };
      }
      case 'file': {
        const pageCount = item.pageCount === undefined ? null : checkPositiveInteger(subject, `${at}.pageCount`, item.pageCount, 10_000);
        return { ...base, channel: 'file', messageId: null, envelopeJson: null, addressBlockJson: null, pageCount };
      }
      default:
        throw invalid(subject, `${at}.channel`, 'is not email, mail or file');
    }
  });
}

export interface PreparedFollowUp {
  readonly kind: FollowUpKind;
  readonly dueOn: string;
  readonly persons: readonly string[];
  readonly ifNotConfirmed: string;
}

export function prepareFollowUps(subject: string, followUps: readonly FollowUpInput[]): PreparedFollowUp[] {
  if (!isList(followUps)) throw invalid(subject, 'followUps', 'is not a list');
  return followUps.map((f, i) => {
    const at = `followUps[${i}]`;
    if (!(FOLLOW_UP_KINDS as readonly string[]).includes(f.kind)) throw invalid(subject, `${at}.kind`, 'is not a follow-up kind');
    const persons = checkStringList(subject, `${at}.persons`, f.persons, 1).map((p, j) => checkNonBlank(subject, `${at}.persons[${j}]`, p, 64));
    if (new Set(persons).size !== persons.length) throw invalid(subject, `${at}.persons`, 'repeats a person');
    if (typeof f.ifNotConfirmed !== 'string' || !LOWER_CODE.test(f.ifNotConfirmed)) throw invalid(subject, `${at}.ifNotConfirmed`, 'is not a document kind');
    return { kind: f.kind, dueOn: checkIsoDate(subject, `${at}.dueOn`, f.dueOn), persons, ifNotConfirmed: f.ifNotConfirmed };
  });
}
