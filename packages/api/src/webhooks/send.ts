/**
 * One webhook request, defended against hostile receivers: a deadline for the
 * whole exchange (a receiver that answers slowly or never is cut off), at most
 * `maxResponseBytes` of the answer read (a huge answer is not downloaded),
 * redirects not followed (a 3xx is a failure: the URL is what was subscribed),
 * and the address checked after DNS resolution (see address-policy).
 */
import http from "node:http";
import https from "node:https";
import { guardedLookup, literalRefusal, type AddressPolicy } from "./address-policy";

export interface SendOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  policy: AddressPolicy;
  agents?: { http: http.Agent; https: https.Agent };
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The first bytes of the answer, as text. */
  responseHead: string | null;
  error: string | null;
}

export function createAgents(maxSockets: number) {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}

export function sendWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    // Declared before any early failure: `finish` clears it (a `const` set further down threw there, so a refused
    // address was never recorded and its delivery sat leased until the lease ran out, again and again).
    let deadline: NodeJS.Timeout | undefined;
    const finish = (result: Omit<SendResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const failed = (message: string, statusCode: number | null = null, responseHead: string | null = null) =>
      finish({ ok: false, statusCode, responseHead, error: message });

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      failed(`invalid URL ${url}`);
      return;
    }
    const refused = literalRefusal(options.policy, target.hostname);
    if (refused) {
      failed(refused.message);
      return;
    }
    const secure = target.protocol === "https:";
    const request = (secure ? https : http).request(target, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "Plano-Webhooks/1",
      },
      agent: options.agents ? (secure ? options.agents.https : options.agents.http) : undefined,
      lookup: guardedLookup(options.policy),
    });
    deadline = setTimeout(() => {
      request.destroy(new Error(`no complete answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);

    request.on("error", (error) => failed(error.message));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const head = Buffer.concat(chunks).subarray(0, options.maxResponseBytes).toString("utf8");
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, responseHead: head, error: null });
        else if (status >= 300 && status < 400) {
          failed(`redirect (${status}) to ${response.headers.location ?? "nowhere"} not followed`, status, head);
        } else failed(`answered ${status}`, status, head);
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= options.maxResponseBytes) {
          // Enough read: the rest is never downloaded (the socket is closed, not reused).
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", (error) => failed(error.message, response.statusCode ?? null));
    });
    request.end(body);
  });
}
