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
 * - the name line above it fits in two lines' width: three lines at most. Six in all.
 */

/** One line of the window-envelope address: floor(288 pt / 11 pt × 1000). */
export const WINDOW_LINE_ROOM = 26_181;

/**
 * The name line of the window address: two lines' width, which never takes more than three
 * lines. It holds the representative's name, or the addressees' names joined ("A and B") when
 * they fit, else the first name and how many others ("A and 2 others", "A et 2 autres personnes").
 */
export const WINDOW_NAME_ROOM = 2 * WINDOW_LINE_ROOM;

/**
 * What " and 30 others" or " et 30 autres personnes" may take after the first name (10.8 ems at
 * most, with room to spare for a rewording); the test checks every count from 1 to 30.
 */
export const OTHERS_ROOM = 12_000;

/** A person's full name: what is left of the name line once the others are counted after it. */
export const PERSON_NAME_ROOM = WINDOW_NAME_ROOM - OTHERS_ROOM;
