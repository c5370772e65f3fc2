/**
 * Serves a PGlite database over the PostgreSQL wire protocol on a local TCP
 * port, so the app reaches it through `pg` exactly like a real server.
 *
 * Why not @electric-sql/pglite-socket: up to 0.2.17 it schedules single
 * protocol messages across connections and pins a connection only inside a
 * transaction. An extended-protocol batch (Parse/Bind/Execute/Sync) is not a
 * transaction, so two connections' batches interleave on PGlite's one backend
 * and bind to each other's statements (electric-sql/pglite#1046); one internal
 * error also stalls its queue for good. Measured here: 20 concurrent updates
 * failed with "bind message supplies 7 parameters, but prepared statement
 * requires 3".
 *
 * The rule here: PGlite has one backend, so one connection owns it at a time,
 * from its first message until the backend is ready for a query outside a
 * transaction (after Sync or a simple Query). Other connections wait their
 * turn, first come first served.
 *
 * Two things make it cheap per query (issue 13: the embedded default managed
 * ~200 updates/s). Every complete message a socket read brings is handed to
 * PGlite in one call, and its answer goes back in one write (pg sends a whole
 * Parse/Bind/Describe/Execute/Sync exchange at once; one call and one lock turn
 * per message cost more than the query). And named prepared statements work:
 * the one backend is shared, so each connection's statement names are
 * prefixed with its own id (two connections both preparing "plano_1" would
 * otherwise collide), and deallocated when it closes.
 */
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Messages after which the backend answers ReadyForQuery. */
const ENDS_EXCHANGE = new Set(["S", "Q"]);
const TERMINATE = "X";
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const DESCRIBE = 0x44; // 'D'
const CLOSE = 0x43; // 'C'
const STATEMENT = 0x53; // 'S': Describe/Close of a statement, not a portal
/** A connection that holds the backend and then says nothing this long is cut off, so it cannot block the others. */
const IDLE_OWNER_MS = 60_000;

class BackendLock {
  private owner: object | null = null;
  private waiters: { who: object; wake: () => void }[] = [];

  async acquire(who: object): Promise<void> {
    if (this.owner === who) return;
    if (this.owner === null && this.waiters.length === 0) {
      this.owner = who;
      return;
    }
    await new Promise<void>((wake) => this.waiters.push({ who, wake }));
  }

  holds(who: object): boolean {
    return this.owner === who;
  }

  release(who: object): void {
    if (this.owner !== who) {
      this.waiters = this.waiters.filter((waiter) => waiter.who !== who);
      return;
    }
    const next = this.waiters.shift();
    this.owner = next?.who ?? null;
    next?.wake();
  }
}

/**
 * Finds NotificationResponse messages ('A') in one connection's output stream.
 * PGlite has one backend, so a NOTIFY reaches whichever connection happened
 * to commit it, not the LISTENer: the server picks them out of every
 * connection's output and hands them to `onNotification` instead. Messages may
 * be split across chunks; only 'A' messages are copied, the rest are skipped.
 */
class NotificationSniffer {
  private header = Buffer.alloc(0);
  private skip = 0;
  private body: Buffer[] | null = null;
  private bodyLeft = 0;

  constructor(private readonly emit: (channel: string, payload: string) => void) {}

  push(chunk: Uint8Array): void {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (data.length > 0) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, data.length);
        this.skip -= n;
        data = data.subarray(n);
        continue;
      }
      if (this.body) {
        const n = Math.min(this.bodyLeft, data.length);
        this.body.push(Buffer.from(data.subarray(0, n)));
        this.bodyLeft -= n;
        data = data.subarray(n);
        if (this.bodyLeft === 0) this.finish(Buffer.concat(this.body));
        continue;
      }
      const need = 5 - this.header.length;
      this.header = Buffer.concat([this.header, data.subarray(0, need)]);
      data = data.subarray(Math.min(need, data.length));
      if (this.header.length < 5) return;
      const type = this.header[0];
      const length = this.header.readInt32BE(1) - 4;
      this.header = Buffer.alloc(0);
      if (type === 0x41 /* 'A' */) {
        this.body = [];
        this.bodyLeft = length;
        if (length === 0) this.finish(Buffer.alloc(0));
      } else {
        this.skip = length;
      }
    }
  }

  private finish(message: Buffer): void {
    this.body = null;
    // Int32 sender pid, then the channel and the payload as C strings.
    const channelEnd = message.indexOf(0, 4);
    const payloadEnd = message.indexOf(0, channelEnd + 1);
    if (channelEnd < 0 || payloadEnd < 0) return;
    this.emit(message.toString("utf8", 4, channelEnd), message.toString("utf8", channelEnd + 1, payloadEnd));
  }
}

/**
 * A message with its statement name (if it names one) prefixed: Parse and Bind
 * carry it (Bind after its portal name), Describe and Close when they are
 * about a statement. The unnamed statement ("") stays unnamed.
 */
function withStatementPrefix(message: Buffer, prefix: string, parsed: Set<string>): Buffer {
  const type = message[0];
  let at: number;
  if (type === PARSE) at = 5;
  else if (type === BIND) at = message.indexOf(0, 5) + 1;
  else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) at = 6;
  else return message;
  const end = message.indexOf(0, at);
  if (end <= at) return message; // unnamed (or malformed: the backend says so)
  const name = message.toString("utf8", at, end);
  if (type === PARSE) parsed.add(name);
  else if (type === CLOSE) parsed.delete(name);
  const renamed = Buffer.concat([message.subarray(0, at), Buffer.from(prefix + name, "utf8"), message.subarray(end)]);
  renamed.writeInt32BE(renamed.length - 1, 1);
  return renamed;
}

export interface PGliteWireServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function servePGlite(
  db: PGlite,
  {
    host = "127.0.0.1",
    port = 0,
    database = "postgres",
    onNotification,
  }: { host?: string; port?: number; database?: string; onNotification?: (channel: string, payload: string) => void } = {},
): Promise<PGliteWireServer> {
  const lock = new BackendLock();
  const sockets = new Set<net.Socket>();
  let connections = 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connection = {};
    const prefix = `c${++connections}_`;
    /** This connection's prepared statements (unprefixed names), deallocated when it closes. */
    const prepared = new Set<string>();
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let chain = Promise.resolve();
    let idleTimer: NodeJS.Timeout | undefined;
    const sniffer = onNotification ? new NotificationSniffer(onNotification) : undefined;

    const armIdleTimer = () => {
      clearTimeout(idleTimer);
      if (lock.holds(connection)) idleTimer = setTimeout(() => socket.destroy(), IDLE_OWNER_MS).unref();
    };

    /** Gives the backend back; a transaction the connection left open is rolled back first. */
    const giveBack = async () => {
      clearTimeout(idleTimer);
      if (!lock.holds(connection)) return lock.release(connection);
      try {
        if (db.isInTransaction()) await db.exec("ROLLBACK");
      } finally {
        lock.release(connection);
      }
    };

    /** After the socket closed: its prepared statements go, so the shared backend does not collect them. */
    const forgetStatements = async () => {
      if (prepared.size === 0) return;
      await lock.acquire(connection);
      try {
        for (const name of prepared) await db.exec(`DEALLOCATE "${(prefix + name).replaceAll('"', '""')}"`).catch(() => {});
        prepared.clear();
      } finally {
        lock.release(connection);
      }
    };

    /** Runs `message` (one or more whole messages, the last of type `lastType`) and answers in one write. */
    const run = async (message: Uint8Array, lastType: string) => {
      await lock.acquire(connection);
      if (socket.destroyed) return giveBack();
      const answer: Buffer[] = [];
      await db.runExclusive(() =>
        db.execProtocolRawStream(message, {
          onRawData: (data) => {
            sniffer?.push(data);
            answer.push(Buffer.from(data)); // a view into PGlite's memory: copied before the next call reuses it
          },
        }),
      );
      if (socket.writable && answer.length > 0) socket.write(answer.length === 1 ? answer[0]! : Buffer.concat(answer));
      if ((lastType === "startup" || ENDS_EXCHANGE.has(lastType)) && !db.isInTransaction()) lock.release(connection);
      armIdleTimer();
    };

    const enqueue = (message: Buffer, lastType: string) => {
      chain = chain
        .then(() => run(new Uint8Array(message.buffer, message.byteOffset, message.byteLength), lastType))
        .catch(async (error: unknown) => {
          // Never leave the backend locked: drop this connection, let the others go on.
          console.error("PGlite wire server: closing a connection after an internal error:", error);
          socket.destroy();
          await giveBack();
        });
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      // Whole messages of this read, run together.
      const batch: Buffer[] = [];
      let lastType = "";
      const flush = () => {
        if (batch.length > 0) enqueue(batch.length === 1 ? batch[0]! : Buffer.concat(batch), lastType);
        batch.length = 0;
      };
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST) {
            buffer = buffer.subarray(8);
            socket.write("N"); // no TLS on a loopback socket
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.destroy(); // cancelling a running query is not supported; the query finishes
            return;
          }
          if (buffer.length < length) return;
          enqueue(Buffer.from(buffer.subarray(0, length)), "startup");
          buffer = buffer.subarray(length);
          started = true;
          continue;
        }
        if (buffer.length < 5) return flush();
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return flush();
        const type = String.fromCharCode(buffer[0]!);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (type === TERMINATE) {
          flush();
          socket.end();
          return;
        }
        batch.push(withStatementPrefix(message, prefix, prepared));
        lastType = type;
      }
    });

    const closed = () => {
      sockets.delete(socket);
      chain = chain
        .then(giveBack, giveBack)
        .then(forgetStatements)
        .catch(() => {});
    };
    socket.once("close", closed);
    socket.on("error", () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  return {
    port: address.port,
    url: `postgresql://postgres@${host}:${address.port}/${database}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
