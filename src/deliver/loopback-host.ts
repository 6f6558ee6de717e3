import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether a host name or address can only mean this machine: `localhost`, 127.0.0.0/8, `::1`
 * (also IPv4-mapped, `::ffff:127.0.0.1`, and in brackets). Decided from the text, with no DNS lookup.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!isIPv6(bare)) return false;
  // The URL parser writes an IPv6 address in its one canonical form: ::1, or ::ffff:7fxx:xxxx for a mapped 127.x.
  const canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  return canonical === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
