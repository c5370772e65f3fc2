/**
 * The legacy response: always JSON, always
 * `{ status, message, data?, session?, warnings }`, with the HTTP code the
 * seed gives the status. A failure anywhere in the pipeline is a thrown
 * `LegacyFailure`, turned into the same envelope.
 */
import type { ServerResponse } from "node:http";
import { legacyStatuses, type LegacyStatus } from "./statuses";

export interface LegacyWarning {
  code: string;
  message: string;
  /** The legacy parameter the warning is about. */
  field?: string;
  [detail: string]: unknown;
}

export interface LegacyReply {
  status: LegacyStatus;
  message: string;
  data?: Record<string, unknown>;
  session?: Record<string, unknown> | null;
  warnings: LegacyWarning[];
}

export interface FailureDetails {
  /** The legacy parameter at fault; repeated in `data.param` for scripts. */
  param?: string;
  /** Every parameter involved, e.g. both sides of a contradiction. */
  params?: string[];
  data?: Record<string, unknown>;
  session?: Record<string, unknown> | null;
}

export class LegacyFailure extends Error {
  constructor(
    readonly status: LegacyStatus,
    message: string,
    readonly details: FailureDetails = {},
  ) {
    super(message);
    this.name = "LegacyFailure";
  }
}

export function missingParam(param: string, message = `${param} is required`): LegacyFailure {
  return new LegacyFailure("missing-param", message, { param });
}

export function invalidParam(param: string, message: string): LegacyFailure {
  return new LegacyFailure("invalid-param", message, { param });
}

export function failureReply(failure: LegacyFailure, warnings: LegacyWarning[]): LegacyReply {
  const { param, params, data, session } = failure.details;
  const paramData = param === undefined ? {} : { param, params: params ?? [param] };
  const merged = { ...paramData, ...data };
  return {
    status: failure.status,
    message: failure.message,
    ...(Object.keys(merged).length > 0 ? { data: merged } : {}),
    ...(session !== undefined ? { session } : {}),
    warnings,
  };
}

export function sendReply(res: ServerResponse, reply: LegacyReply, requestId: string): void {
  const body = JSON.stringify(reply);
  res.writeHead(legacyStatuses[reply.status].http, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  res.end(body);
}
