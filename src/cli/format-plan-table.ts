import type { Language } from '../decision/decision-schema.js';
import type { CorrespondencePlan, PlanNote } from '../plan/correspondence-plan.js';
import { defaultTranslator } from '../i18n/default-translators.js';

/** A plan note in words; the people are named by UCI, as the rest of the table does. */
export function noteMessage(note: PlanNote, language: Language): string {
  return defaultTranslator(language)(`plan:${note.code}`, { count: note.persons.length, names: note.persons.join(', ') });
}

function table(rows: readonly (readonly string[])[], indent: string): string {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [],
  );
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('   '))
    .join('\n');
}

/** A plan as a block of text an officer can read in a terminal. */
export function formatPlanTable(plan: CorrespondencePlan, language: Language): string {
  const lines = [`${plan.decisionId}   ${plan.outcome}`];
  lines.push(
    table(
      [
        ['DOCUMENT', 'TO', 'LANGUAGE', 'CONCERNS', 'CHANNELS'],
        ...plan.documents.map((d) => [d.kind, d.recipient, d.languages.join('+'), d.persons.join(', '), d.channels.join(', ')]),
      ],
      '  ',
    ),
  );
  if (plan.followUps.length > 0) {
    lines.push(
      table(
        [
          ['FOLLOW-UP', 'DUE ON', 'CONCERNS', 'OTHERWISE'],
          ...plan.followUps.map((f) =>
            f.kind === 'departure-confirmation'
              ? [f.kind, f.dueOn, f.persons.join(', '), f.ifNotConfirmed]
              : [f.kind, '-', f.persons.join(', '), f.ifRefused ?? '-'],
          ),
        ],
        '  ',
      ),
    );
  }
  lines.push(...plan.notes.map((n) => `  note ${n.code}: ${noteMessage(n, language)}`));
  return `${lines.join('\n')}\n`;
}
