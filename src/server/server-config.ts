import { z } from 'zod';

/** The `server` section of the configuration file. */
const serverSectionSchema = z.strictObject({
  /** Minutes without a request before a session ends (default 30). */
  sessionIdleMinutes: z.optional(z.int().min(1).max(24 * 60)),
  /** Hours after sign-in before a session ends (default 12). */
  sessionMaxHours: z.optional(z.int().min(1).max(7 * 24)),
  /** Mark cookies Secure (and send HSTS): set when the server is reached over HTTPS, through a proxy or not. */
  secureCookies: z.optional(z.boolean()),
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy: z.optional(z.boolean()),
  signInAttemptsPerMinute: z.optional(z.int().min(1).max(1000)),
});

export type ServerSection = z.infer<typeof serverSectionSchema>;

/** The `server` section checked, or the dotted paths of what is wrong in it (never the values). */
export function parseServerSection(value: unknown): { readonly ok: true; readonly section: ServerSection } | { readonly ok: false; readonly where: string } {
  const result = serverSectionSchema.safeParse(value ?? {});
  if (result.success) return { ok: true, section: result.data };
  return { ok: false, where: result.error.issues.map((i) => ['server', ...i.path.map(String)].join('.')).join(', ') };
}
