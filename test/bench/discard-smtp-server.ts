// A loopback SMTP server for the throughput probe, in its own process so it does not share the sender's event loop.
// Usage: node --import tsx test/bench/discard-smtp-server.ts [--no-pipelining]. Prints {"port":N} once listening;
// prints {"received":N,"bytes":B} and exits when its stdin closes.
import { SMTPServer } from 'smtp-server';

let received = 0;
let bytes = 0;
const server = new SMTPServer({
  logger: false,
  disableReverseLookup: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  authOptional: true,
  hidePIPELINING: process.argv.includes('--no-pipelining'),
  maxAllowedUnauthenticatedCommands: false,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.once('end', () => {
      received += 1;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
process.stdin.resume();
process.stdin.once('end', () => {
  process.stdout.write(`${JSON.stringify({ received, bytes })}\n`);
  server.close(() => process.exit(0));
});
