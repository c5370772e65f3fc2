/**
 * A webhook receiver on 127.0.0.1 for tests and the bench: it records every
 * request (headers, raw body, arrival time) and answers per path:
 *   /ok          200 "ok"
 *   /flaky       records, then 500 for about `failRate` of the requests (a retry then repeats the message)
 *   /fail        500
 *   /slow        answers after 30 s (or when closed)
 *   /huge        200 with a 64 MiB body, written as fast as the socket takes it
 *   /redirect    302 to /redirected (which records and answers 200)
 *   /gate        while `gate.closed`: records and never answers (a delivery caught in flight); else 200
 *   /held/NNN    answers NNN (2xx) with "held NNN"; while `held.closed` it records and keeps the answer back until
 *                `held.release()`, which answers all kept ones at once (many deliveries finishing together)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  answered: number;
}

export interface ReceiverOptions {
  failRate?: number;
  random?: () => number;
}

const HUGE_BYTES = 64 * 1024 * 1024;

export async function startWebhookReceiver({ failRate = 0.1, random = Math.random }: ReceiverOptions = {}) {
  const received: ReceivedWebhook[] = [];
  const hugeProgress = { written: 0, closedEarly: false };
  const slowTimers = new Set<NodeJS.Timeout>();
  const gate = { closed: false };
  const kept: (() => void)[] = [];
  const held = {
    closed: false,
    /** How many answers are kept back now. */
    get waiting() {
      return kept.length;
    },
    release() {
      for (const answer of kept.splice(0)) answer();
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const record = (answered: number) =>
        received.push({
          path,
          headers: Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, String(value)])),
          body: Buffer.concat(chunks).toString("utf8"),
          at: Date.now(),
          answered,
        });
      switch (path) {
        case "/ok":
        case "/redirected":
          record(200);
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
          return;
        case "/flaky": {
          const status = random() < failRate ? 500 : 200;
          record(status);
          res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try again");
          return;
        }
        case "/fail":
          record(500);
          res.writeHead(500, { "content-type": "text/plain" }).end("receiver is broken");
          return;
        case "/slow": {
          record(200);
          const timer = setTimeout(() => res.writeHead(200).end("finally"), 30_000);
          slowTimers.add(timer);
          res.on("close", () => clearTimeout(timer));
          return;
        }
        case "/huge": {
          record(200);
          res.writeHead(200, { "content-type": "application/octet-stream" });
          const block = Buffer.alloc(64 * 1024, 0x61);
          const pump = () => {
            while (hugeProgress.written < HUGE_BYTES) {
              hugeProgress.written += block.length;
              if (!res.write(block)) return void res.once("drain", pump);
            }
            res.end();
          };
          res.on("close", () => {
            if (hugeProgress.written < HUGE_BYTES || !res.writableFinished) hugeProgress.closedEarly = true;
          });
          pump();
          return;
        }
        case "/gate":
          if (gate.closed) {
            record(0);
            return;
          }
          record(200);
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
          return;
        case "/held/200":
        case "/held/201":
        case "/held/202":
        case "/held/204": {
          const status = Number(path.slice("/held/".length));
          record(status);
          const answer = () => res.writeHead(status, { "content-type": "text/plain" }).end(status === 204 ? undefined : `held ${status}`);
          if (held.closed) kept.push(answer);
          else answer();
          return;
        }
        case "/redirect":
          record(302);
          res.writeHead(302, { location: "/redirected" }).end();
          return;
        default:
          res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    hugeProgress,
    gate,
    held,
    async close() {
      held.release();
      slowTimers.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
