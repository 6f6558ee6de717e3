import { LANGUAGES, LANGUAGE_TAGS, type Language } from '../i18n/languages.js';
import { DOCUMENT_KINDS } from '../plan/document-kinds.js';
import { ACCOUNT_ROLES } from '../store/access-store.js';
import { AUDIT_EVENTS } from '../store/audit-log.js';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATES } from '../store/follow-up-state.js';
import { ITEM_STATES } from '../store/item-state.js';
import type { ServerTranslate } from './server-i18n.js';

/**
 * Every family of codes an officer reads on a page, with all its values: each has a label under
 * `codes.<set>.<code>` in `locales/<lang>/server.json` (a parity test holds them to this list).
 */
export const CODE_SETS = {
  state: ITEM_STATES,
  followUpState: FOLLOW_UP_STATES,
  followUpKind: FOLLOW_UP_KINDS,
  kind: [...DOCUMENT_KINDS, 'client-email'],
  channel: ['email', 'mail', 'file', 'internal'],
  recipient: ['client', 'family-member', 'representative', 'cbsa-inland-enforcement', 'cbsa-removals-unit', 'designated-decision-maker', 'mifi', 'file'],
  role: ACCOUNT_ROLES,
  event: AUDIT_EVENTS,
  language: LANGUAGES,
  policy: ['officer', 'auto'],
} as const satisfies Record<string, readonly string[]>;
export type CodeSet = keyof typeof CODE_SETS;

/** A code as a page shows it: the label in the page's language, the code kept for the `<data value>`. */
export interface CodeLabel {
  readonly code: string;
  readonly label: string;
}

/** The time zone every time on the officers' pages is shown in (stated on the page). */
export const PAGE_TIME_ZONE = 'America/Toronto';

/** Labels codes and formats times for one language; codes outside the known sets (stored JSON may hold newer ones) show as themselves. */
export interface PageFormats {
  code(set: CodeSet, code: string): CodeLabel;
  codes(set: CodeSet, codes: readonly string[]): CodeLabel[];
  /** An ISO instant as `1 December 2026, 10:00` in `PAGE_TIME_ZONE`; an unreadable value as given. */
  dateTime(iso: string): string;
  /** A calendar day `YYYY-MM-DD` as `20 December 2026` (no time zone: it is a day, not an instant). */
  day(ymd: string): string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The formats of `language`; the order of the parts and `1er` come from `locales/<lang>/server.json`, names from Intl. */
export function createPageFormats(t: ServerTranslate, language: Language): PageFormats {
  const tag = LANGUAGE_TAGS[language];
  const zoned = new Intl.DateTimeFormat(tag, { timeZone: PAGE_TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const monthFormat = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long' });
  const months = Array.from({ length: 12 }, (_, index) => monthFormat.format(Date.UTC(2000, index, 15)));
  const time = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const longDay = (year: number, monthIndex: number, day: number) =>
    t(language, 'format.day', { day: day === 1 ? t(language, 'format.firstOfMonth') : String(day), month: months[monthIndex] ?? String(monthIndex + 1), year: String(year) });
  // A page shows the same few instants again and again (the audit timeline); Intl is slow to ask each time.
  const dateTimes = new Map<string, string>();
  // Every label looked up once, here: a page asks for dozens.
  const labels = new Map<CodeSet, ReadonlyMap<string, CodeLabel>>(
    (Object.entries(CODE_SETS) as [CodeSet, readonly string[]][]).map(([set, values]) => [set, new Map(values.map((v) => [v, Object.freeze({ code: v, label: t(language, `codes.${set}.${v}`) })]))]),
  );
  const code = (set: CodeSet, value: string): CodeLabel => labels.get(set)?.get(value) ?? { code: value, label: value };
  return {
    code,
    codes: (set, values) => values.map((v) => code(set, v)),
    dateTime: (iso) => {
      const known = dateTimes.get(iso);
      if (known !== undefined) return known;
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return iso;
      const parts = Object.fromEntries(zoned.formatToParts(at).map((p) => [p.type, p.value]));
      const [year, monthNumber, day, hour, minute] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number) as [number, number, number, number, number];
      const shown = t(language, 'format.dateTime', { date: longDay(year, monthNumber - 1, day), time: time.format(Date.UTC(2000, 0, 1, hour, minute)) });
      // Bounded: emptied when full, so a long-running server's memory does not grow with its history.
      if (dateTimes.size >= 5000) dateTimes.clear();
      dateTimes.set(iso, shown);
      return shown;
    },
    day: (ymd) => {
      const match = DAY.exec(ymd);
      return match === null ? ymd : longDay(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    },
  };
}
