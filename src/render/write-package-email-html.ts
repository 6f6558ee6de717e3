import { writeCompiledEmailHtml } from '../email/compiled-email-html.js';
import { compileEmailHtml } from '../email/email-templates.js';
import { packageCompiledEmailHtml, packageEmailTemplates } from './package-assets.js';

// Run by `npm run build` (never imported): MJML once on the package's email templates, kept in
// dist/email-html.json, so that no command runs MJML when it starts. A template edited later
// no longer matches the kept key, and the commands run MJML again until the next build.
const dir = packageEmailTemplates();
await writeCompiledEmailHtml(dir, await compileEmailHtml(dir), packageCompiledEmailHtml());
