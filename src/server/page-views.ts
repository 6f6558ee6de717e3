import nunjucks from 'nunjucks';

/** Renders a page template of `templates/server/` with its context; values are escaped once, by Nunjucks. */
export type RenderPage = (template: string, context: Record<string, unknown>) => string;

/** A Nunjucks environment over `dir` that escapes every value and fails on anything undefined. */
export function createPageViews(dir: string): RenderPage {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir, { noCache: false }), { autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });
  return (template, context) => env.render(template, context);
}
