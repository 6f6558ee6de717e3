import { createServer, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the server received it: the envelope and the DATA bytes after dot-unstuffing. */
export interface ReceivedMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly bytes: Buffer;
  /** The user that logged in for this message, when the server asks for auth. */
  readonly user: string | undefined;
  /** Whether the client asked for SMTPUTF8 (RFC 6531) in MAIL FROM. */
  readonly smtpUtf8: boolean;
}

/** What the server does wrong, set per test with `inject`; every fault applies until the next `inject` or `reset`. */
export type SmtpFault =
  /** Greets with this reply instead of 220 and closes. */
  | { readonly at: 'connect'; readonly code: number }
  /** Answers MAIL FROM with this reply. */
  | { readonly at: 'mail-from'; readonly code: number }
  /** Answers RCPT TO with this reply, for every recipient or only for `recipient`. */
  | { readonly at: 'rcpt'; readonly code: number; readonly recipient?: string }
  /** Reads the whole message, then answers the final dot with this reply. */
  | { readonly at: 'data'; readonly code: number }
  /** Cuts the TCP connection as soon as the first bytes of the message arrive. */
  | { readonly at: 'drop-mid-data' }
  /** Reads the whole message and never answers the final dot (a stalled server). */
  | { readonly at: 'hang-after-data' }
  /** Accepts the TCP connection and never sends a greeting. */
  | { readonly at: 'silent' };

export interface SmtpTestServerOptions {
  /** Advertise AUTH (PLAIN, LOGIN, over plain TCP: loopback only) and accept only these credentials. */
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Do not offer SMTPUTF8, as a relay that cannot carry non-ASCII addresses. */
  readonly hideSmtpUtf8?: boolean;
}

/** A running fault-injecting server on 127.0.0.1 with an ephemeral port. */
export interface SmtpTestServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Every message accepted with 250, in order. */
  readonly messages: readonly ReceivedMessage[];
  /** TCP connections accepted so far (the pool opens and reuses them). */
  readonly connections: number;
  /** Logins that succeeded and that failed. */
  readonly logins: { readonly accepted: number; readonly rejected: number };
  inject(fault: SmtpFault): void;
  /** Back to a well-behaved server; keeps the received messages. */
  reset(): void;
  close(): Promise<void>;
}

function replyError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

function replyText(code: number): string {
  return code >= 500 ? 'Injected permanent failure' : 'Injected temporary failure, try again later';
}

/** Starts the test server; `close()` it in `afterAll`/`afterEach`. */
export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const messages: ReceivedMessage[] = [];
  const sockets = new Map<number, Socket>();
  const logins = { accepted: 0, rejected: 0 };
  let fault: SmtpFault | undefined;
  let connections = 0;

  const server = new SMTPServer({
    logger: false,
    name: 'smtp-test-server.invalid',
    disableReverseLookup: true,
    hideSMTPUTF8: options.hideSmtpUtf8 === true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    // A few tests open many sessions; the default limit of unauthenticated commands is not what they test.
    maxAllowedUnauthenticatedCommands: false,
    // The silent fault holds sockets open: close() should not wait 30 s for them.
    closeTimeout: 200,
    onConnect(_session: SMTPServerSession, callback: (err?: Error | null) => void) {
      connections += 1;
      if (fault?.at === 'silent') return; // never calls back, so never greets
      if (fault?.at === 'connect') {
        callback(replyError(fault.code, replyText(fault.code)));
        return;
      }
      callback();
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        logins.accepted += 1;
        callback(null, { user: auth.username });
        return;
      }
      logins.rejected += 1;
      callback(replyError(535, 'Authentication credentials invalid'));
    },
    onMailFrom(_address, _session, callback) {
      if (fault?.at === 'mail-from') {
        callback(replyError(fault.code, replyText(fault.code)));
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (fault?.at === 'rcpt' && (fault.recipient === undefined || fault.recipient === address.address)) {
        callback(replyError(fault.code, replyText(fault.code)));
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      if (fault?.at === 'drop-mid-data') {
        stream.once('data', () => sockets.get(session.remotePort)?.destroy());
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => {
        if (fault?.at === 'hang-after-data') return;
        if (fault?.at === 'data') {
          callback(replyError(fault.code, replyText(fault.code)));
          return;
        }
        const { envelope } = session;
        messages.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((r) => r.address),
          bytes: Buffer.concat(chunks),
          user: typeof session.user === 'string' ? session.user : undefined,
          smtpUtf8: (session.envelope as { smtpUtf8?: boolean }).smtpUtf8 === true,
        });
        callback();
      });
    },
  });
  // smtp-server keeps its net.Server here; the drop fault needs the raw socket of a session.
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  // A dropped or timed-out client is expected in these tests; an unhandled 'error' would crash the run.
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no TCP address');

  return {
    host: '127.0.0.1',
    port: address.port,
    messages,
    get connections() {
      return connections;
    },
    logins,
    inject(next) {
      fault = next;
    },
    reset() {
      fault = undefined;
    },
    close() {
      for (const socket of sockets.values()) socket.destroy();
      return new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** A loopback port with nothing listening on it: bound, then closed, so a connection is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve, reject) => {
    probe.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  return address.port;
}
