/**
 * A stand-in for Mandrill's `messages/send` on 127.0.0.1, for tests: it
 * records what it was sent and answers as told: accept, reject the
 * recipient, fail with an API error, or never answer (to test timeouts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMandrillMode = "accept" | "reject" | "error" | "hang";

export interface ReceivedMessage {
  key: string;
  message: { subject: string; text: string; from_email: string; to: { email: string; name?: string }[]; metadata?: Record<string, string> };
}

function answer(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startFakeMandrill() {
  let mode: FakeMandrillMode = "accept";
  const received: ReceivedMessage[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/api/1.0/messages/send") return answer(res, 404, { status: "error", message: "unknown method" });
      const sent = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedMessage;
      received.push(sent);
      const email = sent.message.to[0]?.email;
      if (mode === "accept") return answer(res, 200, [{ email, status: "sent", _id: `msg-${received.length}`, reject_reason: null }]);
      if (mode === "reject") return answer(res, 200, [{ email, status: "rejected", _id: `msg-${received.length}`, reject_reason: "hard-bounce" }]);
      if (mode === "error") return answer(res, 500, { status: "error", code: -1, name: "Invalid_Key", message: "Invalid API key" });
      // "hang": keep the connection open and never answer.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/1.0`,
    received,
    setMode(next: FakeMandrillMode) {
      mode = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeMandrill = Awaited<ReturnType<typeof startFakeMandrill>>;
