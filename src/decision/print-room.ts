import { printedWidth } from './printable-text.js';

/**
 * How much text the letters have room for where they cannot wrap at will, in thousandths of an
 * em of the regular face (what `printedWidth` measures). The typesetter's page style fixes these
 * numbers; `src/decision` does not read it (the typesetter depends on nothing of ours), so
 * `test/decision/print-room.test.ts` checks them against `src/pdf/page-style.ts`.
 *
 * The window-envelope address shows 6 lines of 288 pt at 11 pt: 26.18 ems a line. A line breaker
 * that fills each line before starting the next puts a text no wider than one line on one line,
 * and a text no wider than two lines on at most three (two consecutive lines always hold more than
 * one line's width, or the second would have started on the first). So:
 *
 * - each address line (`line1`, `line2`, and the city with the province and postal code) fits on
 *   one window line: three lines at most;
 * - the name above it (one person, two joined by "and"/"et", or the representative) fits in two
 *   lines' width: three lines at most. Six in all.
 */

/** One line of the window-envelope address: floor(288 pt / 11 pt × 1000). */
export const WINDOW_LINE_ROOM = 26_181;

/** The name part of the window address: two lines' width, which never takes more than three lines. */
export const WINDOW_NAME_ROOM = 2 * WINDOW_LINE_ROOM;

/**
 * What is left of the name part for each of two names joined by " and " or " et " (the wider
 * counts): a letter to two people prints both names there.
 */
export const PERSON_NAME_ROOM = Math.floor((WINDOW_NAME_ROOM - Math.max(printedWidth(' and '), printedWidth(' et '))) / 2);
