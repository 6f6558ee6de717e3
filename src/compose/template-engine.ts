import nunjucks from 'nunjucks';
import { TemplateError } from './template-error.js';

/** Renders named templates from one folder. Compiled templates are cached for the process. */
export interface TemplateEngine {
  render(name: string, context: object): string;
}

/**
 * Nunjucks set to fail loudly: autoescape on (record text is data, escaped exactly once), an
 * undefined value throws instead of printing nothing, and block tags leave no stray lines.
 */
export function createTemplateEngine(templatesDir: string): TemplateEngine {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return {
    render(name, context) {
      try {
        return env.render(name, context);
      } catch (cause) {
        throw new TemplateError(name, { cause });
      }
    },
  };
}
