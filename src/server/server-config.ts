import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The parts of the configuration file the server reads; other sections belong to other commands and are left alone. */
const serverConfigSchema = z.looseObject({
  approval: z.optional(z.looseObject({ twoPerson: z.optional(z.boolean()) })),
  server: z.optional(
    z.strictObject({
      /** Minutes without a request before a session ends (default 30). */
      sessionIdleMinutes: z.optional(z.int().min(1).max(24 * 60)),
      /** Hours after sign-in before a session ends (default 12). */
      sessionMaxHours: z.optional(z.int().min(1).max(7 * 24)),
      /** Mark cookies Secure: set when the server is reached over HTTPS (through a proxy or not). */
      secureCookies: z.optional(z.boolean()),
      trustProxy: z.optional(z.boolean()),
      signInAttemptsPerMinute: z.optional(z.int().min(1).max(1000)),
    }),
  ),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** Where the file is wrong: the dotted paths of the problems, never the values. */
export class ServerConfigProblem {
  constructor(readonly where: string) {}
}

/** Reads `approval.twoPerson` and the `server` section of a JSON config file; a problem (unreadable, not JSON, wrong shape) comes back as a value. */
export function readServerConfig(path: string | undefined): ServerConfig | ServerConfigProblem {
  if (path === undefined) return {};
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > 64 * 1024) return new ServerConfigProblem('(file larger than 64 KiB)');
    parsed = JSON.parse(text);
  } catch {
    return new ServerConfigProblem('(unreadable or not JSON)');
  }
  const result = serverConfigSchema.safeParse(parsed);
  if (result.success) return result.data;
  return new ServerConfigProblem(result.error.issues.map((i) => i.path.join('.') || '(top)').join(', '));
}
