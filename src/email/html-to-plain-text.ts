import { compile } from 'html-to-text';

// Compiled once: html-to-text builds its selector decision tree here, not per email.
const convert = compile({
  wordwrap: 72,
  selectors: [
    // MJML's preheader is a hidden div: inbox preview text, not part of the message.
    { selector: 'div[style*="display:none"]', format: 'skip' },
    // Every link in the templates shows its own address, so the href would only repeat it.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false, leadingLineBreaks: 2 } },
    { selector: 'ul', options: { itemPrefix: ' - ' } },
    // The divider between language versions; its HTML is an empty bordered paragraph.
    { selector: 'td.hcc-separator', format: 'horizontalLine', options: { length: 72 } },
  ],
});

/** The plain-text alternative of an email's HTML, wrapped at 72 columns, without the hidden preheader. */
export function htmlToPlainText(html: string): string {
  return `${convert(html).trim()}\n`;
}
