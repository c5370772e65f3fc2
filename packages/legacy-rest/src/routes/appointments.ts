/**
 * The appointment routes. Each is a thin call of one tRPC procedure: the
 * legacy arguments become its input, its result becomes `data`.
 */
import type { RouterInputs } from "@plano/api";
import {
  cancelAppointmentInput,
  confirmAppointmentInput,
  createAppointmentInput,
  listAppointmentsInput,
  updateAppointmentInput,
  type AppointmentResult,
  type LegacyDateOptions,
} from "@plano/schema";
import { appointmentRecord, historyRecord } from "../output/records";
import { apiInput, toCamelCase, type ParamSpecs } from "../params/param-spec";
import { defineRoute, type RouteResult } from "./define";

type Input<P extends keyof RouterInputs["appointment"]> = RouterInputs["appointment"][P];

const reference = {
  id: { type: "integer", description: "The appointment's id (or send uuid)." },
  uuid: { type: "string", description: "The appointment's UUID (or send id)." },
} as const satisfies ParamSpecs;

const version = {
  updated_at_mt: {
    type: "string",
    description: "The record's updated_at_mt as last read. If the record changed since, the answer is update-conflict with the current record.",
  },
} as const satisfies ParamSpecs;

const versionedReference = { ...reference, ...version };

function oneAppointment(result: AppointmentResult, format: LegacyDateOptions): RouteResult {
  return { data: { appointment: appointmentRecord(result.appointment, format) }, warnings: result.warnings };
}

export const updateRoute = defineRoute({
  path: "/appointments/update",
  service: "appointments",
  summary: "Update an appointment",
  description:
    "Changes the parameters sent and nothing else. An empty value clears a field (a checkbox field becomes false). " +
    "A whole layout may be sent: a value equal to the stored one (in any accepted spelling) is no change, and the schedule is " +
    "derived from the fields that changed (e.g. a new local start moves the office and UTC ones); only changed fields that " +
    "contradict each other are invalid-param. A save that changes nothing writes nothing and keeps updated_at_mt. " +
    "confirmed=1 confirms and cancelled=1 cancels exactly as the confirm and cancel routes do (cancel_reason optional here), " +
    "emailing the client; moving or reassigning the appointment emails the client and the photographers concerned. " +
    "If an email fails the change is saved and the answer is mandrill-email-failed with the saved record.",
  done: "The appointment was updated.",
  sensitive: false,
  params: versionedReference,
  takesFields: true,
  input: updateAppointmentInput,
  responds: "appointment",
  statuses: ["update-conflict", "mandrill-email-failed"],
  async run({ api, args, patch, format }) {
    return oneAppointment(await api.appointment.update({ ...apiInput<Omit<Input<"update">, "patch">>(args, versionedReference), patch }), format);
  },
});

export const createRoute = defineRoute({
  path: "/appointments/create",
  service: "appointments",
  summary: "Create an appointment",
  description:
    "Creates an appointment from the parameters sent; office_id is required. FileMaker retries requests that time out: " +
    "send request_id (or an Idempotency-Key header) and a retry answers with the first result instead of creating another.",
  done: "The appointment was created.",
  sensitive: false,
  params: {
    request_id: {
      type: "string",
      key: "idempotencyKey",
      description: "Idempotency key: a create retried with the same key returns the first result. The Idempotency-Key header does the same.",
    },
  },
  takesFields: true,
  input: createAppointmentInput,
  responds: "appointment",
  statuses: [],
  async run({ api, args, patch, format, headers }) {
    const header = headers["idempotency-key"];
    const idempotencyKey = args.request_id ?? (Array.isArray(header) ? header[0] : header);
    const input = { ...patch, ...(idempotencyKey ? { idempotencyKey } : {}) } as Input<"create">;
    return oneAppointment(await api.appointment.create(input), format);
  },
});

export const getRoute = defineRoute({
  path: "/appointments/get",
  service: "appointments",
  summary: "Read one appointment",
  description: "The appointment with this id or uuid, if the caller may see it.",
  done: "The appointment was found.",
  sensitive: false,
  params: reference,
  takesFields: false,
  responds: "appointment",
  statuses: [],
  async run({ api, args, format }) {
    const appointment = await api.appointment.byId(apiInput<Input<"byId">>(args, reference));
    return { data: { appointment: appointmentRecord(appointment, format) } };
  },
});

const listParams = {
  date_from_local: { type: "date", description: "Appointments whose local start date is on or after this date." },
  date_to_local: { type: "date", description: "Appointments whose local start date is on or before this date." },
  starts_from: { type: "datetime", description: "Appointments starting at or after this instant." },
  starts_to: { type: "datetime", description: "Appointments starting before this instant." },
  photographer_user_id: { type: "integer", description: "Only this photographer's appointments." },
  office_id: { type: "integer", description: "Only this office's appointments." },
  order_id: { type: "integer", description: "Only this order's appointments." },
  confirmed: { type: "boolean", description: "Only confirmed (true) or unconfirmed (false) appointments." },
  cancelled: { type: "boolean", description: "Only cancelled (true) or active (false) appointments." },
  ready_to_schedule: { type: "boolean", description: "Only appointments that are (or are not) ready to schedule." },
  search: { type: "string", description: "Text to find in summary, location, notes or photographer name (any case)." },
  sort: { type: "string", values: ["starts_at", "-starts_at"], default: "starts_at", description: "Order by start: starts_at (earliest first) or -starts_at." },
  cursor: { type: "string", description: "next_cursor of the previous page." },
  limit: { type: "integer", description: "Appointments per page, 1 to 200 (default 50)." },
} as const satisfies ParamSpecs;

export const listRoute = defineRoute({
  path: "/appointments/list",
  service: "appointments",
  summary: "List appointments",
  description: "Appointments the caller may see, filtered, in pages: pass data.next_cursor as cursor for the next page (null on the last).",
  done: "The appointments were listed.",
  sensitive: false,
  params: listParams,
  takesFields: false,
  input: listAppointmentsInput,
  responds: "appointment-page",
  statuses: [],
  async run({ api, args, format }) {
    const input = { ...apiInput<Input<"list">>(args, listParams), sort: toCamelCase(args.sort) as Input<"list">["sort"] };
    const page = await api.appointment.list(input);
    return {
      data: {
        appointments: page.appointments.map((appointment) => appointmentRecord(appointment, format)),
        next_cursor: page.nextCursor,
      },
    };
  },
});

export const confirmRoute = defineRoute({
  path: "/appointments/confirm",
  service: "appointments",
  summary: "Confirm an appointment",
  description: "Confirms the appointment and emails the order's client. Confirming a confirmed appointment changes nothing.",
  done: "The appointment is confirmed.",
  sensitive: false,
  params: versionedReference,
  takesFields: false,
  input: confirmAppointmentInput,
  responds: "appointment",
  statuses: ["update-conflict", "mandrill-email-failed"],
  async run({ api, args, format }) {
    return oneAppointment(await api.appointment.confirm(apiInput<Input<"confirm">>(args, versionedReference)), format);
  },
});

const cancelParams = {
  ...versionedReference,
  cancel_reason: { type: "string", key: "reason", description: "Why the appointment is cancelled (required)." },
  on_site_cancel: { type: "boolean", description: "The cancellation happened on site." },
  same_day_cancel: { type: "boolean", description: "Cancelled on the appointment's local date; derived unless given." },
} as const satisfies ParamSpecs;

export const cancelRoute = defineRoute({
  path: "/appointments/cancel",
  service: "appointments",
  summary: "Cancel an appointment",
  description: "Cancels the appointment with a reason and emails the order's client. Cancelling a cancelled appointment changes nothing.",
  done: "The appointment is cancelled.",
  sensitive: false,
  params: cancelParams,
  takesFields: false,
  input: cancelAppointmentInput,
  responds: "appointment",
  statuses: ["update-conflict", "mandrill-email-failed"],
  async run({ api, args, format }) {
    return oneAppointment(await api.appointment.cancel(apiInput<Input<"cancel">>(args, cancelParams)), format);
  },
});

export const historyRoute = defineRoute({
  path: "/appointments/history",
  service: "appointments",
  summary: "An appointment's change history",
  description: "Who changed what and when, newest first: for each change, each field's value before and after.",
  done: "The appointment's history was read.",
  sensitive: false,
  params: reference,
  takesFields: false,
  responds: "history",
  statuses: [],
  async run({ api, args, format }) {
    const entries = await api.appointment.history(apiInput<Input<"history">>(args, reference));
    return { data: { history: entries.map((entry) => historyRecord(entry, format)) } };
  },
});
