/**
 * Mandrill's HTTP API, `POST {base}/messages/send`: one message, one answer.
 * Anything but an accepted message is a `MandrillError` saying what happened
 * (HTTP error, rejection, timeout), which the outbox records for the retry.
 */
export interface MandrillConfig {
  apiKey: string;
  /** e.g. https://mandrillapp.com/api/1.0 */
  baseUrl: string;
  fromEmail: string;
  fromName: string;
  /** How long to wait for Mandrill before counting the attempt as failed. */
  timeoutMs: number;
}

export interface MandrillMessage {
  toEmail: string;
  toName: string | null;
  subject: string;
  text: string;
  /** Shown in Mandrill's activity log, to find the outbox row. */
  metadata: Record<string, string>;
}

export class MandrillError extends Error {
  override name = "MandrillError";
}

/** Mandrill's per-recipient statuses that mean the message was taken. */
const acceptedStatuses = new Set(["sent", "queued", "scheduled"]);

interface RecipientResult {
  email?: string;
  status?: string;
  reject_reason?: string | null;
}

async function post(config: MandrillConfig, body: unknown): Promise<Response> {
  try {
    return await fetch(`${config.baseUrl.replace(/\/+$/, "")}/messages/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw new MandrillError(`Mandrill did not answer within ${config.timeoutMs} ms`);
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, ...).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new MandrillError(`Mandrill could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
}

async function answerOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function sendViaMandrill(config: MandrillConfig, message: MandrillMessage): Promise<void> {
  const response = await post(config, {
    key: config.apiKey,
    message: {
      subject: message.subject,
      text: message.text,
      from_email: config.fromEmail,
      from_name: config.fromName,
      to: [{ email: message.toEmail, ...(message.toName ? { name: message.toName } : {}), type: "to" }],
      metadata: message.metadata,
    },
  });
  const answer = await answerOf(response);
  if (!response.ok) {
    const reason = (answer as { message?: string } | null)?.message ?? String(answer).slice(0, 200);
    throw new MandrillError(`Mandrill answered HTTP ${response.status}: ${reason}`);
  }
  const recipient = Array.isArray(answer) ? (answer[0] as RecipientResult | undefined) : undefined;
  if (!recipient?.status || !acceptedStatuses.has(recipient.status)) {
    const why = recipient?.reject_reason ? ` (${recipient.reject_reason})` : "";
    throw new MandrillError(`Mandrill did not accept the message: ${recipient?.status ?? "no recipient status"}${why}`);
  }
}
