/**
 * The status vocabulary of the legacy API (the seed page), with each status's
 * HTTP code and meaning. The API's error reasons (@plano/schema's
 * `errorReasons`) map onto these in api-errors.ts.
 */
export interface StatusSpec {
  readonly http: number;
  readonly description: string;
  /** Listed among the seed's "uncommon responses", or ours beyond the seed. */
  readonly kind: "common" | "uncommon" | "extension";
}

export const legacyStatuses = {
  "action-successful": {
    http: 200,
    kind: "common",
    description: "This status indicates that the request was successful. If the request returns data, it can be found in the data key.",
  },
  "invalid-token": { http: 401, kind: "common", description: "This status is returned when the authentication token passed is invalid." },
  "session-expired": {
    http: 401,
    kind: "common",
    description:
      "This status is returned a session is older than seven days or hasn't been used in 72 hours. The user will need to reauthenticate. Sessions created with remember_me last indefinitely.",
  },
  "client-required": {
    http: 401,
    kind: "common",
    description:
      "This status is returned when the user making the request doesn't have a client, employee or liaison record. The response still carries the session object, which /api/v1/users/client_register needs.",
  },
  "missing-param": { http: 400, kind: "common", description: "This status is returned when a required param was not passed with the request." },
  "invalid-param": {
    http: 400,
    kind: "common",
    description:
      "This status is returned when a param was invalid when passed. For example, passing an id that doesn't exist or passing an invalid email address.",
  },
  "application-crash": { http: 500, kind: "common", description: "This status is returned when there is an internal server error. Please try again later." },
  "mandrill-email-failed": {
    http: 500,
    kind: "common",
    description:
      "This status is returned when there was an issue using Mandrill to send an email. The change itself was saved; a notification is stored and the email is retried.",
  },
  "invalid-content-type": {
    http: 400,
    kind: "common",
    description: "This status is returned if the request was made with the incorrect content-type so the request params could not be read.",
  },
  "route-non-existent": { http: 500, kind: "common", description: "Response returned when HTTP route does not exist." },
  "no-params-decoded": { http: 400, kind: "uncommon", description: "This status is returned the request body was decoded, but no params where found." },
  "invalid-encoded-params": {
    http: 400,
    kind: "uncommon",
    description: "This status is returned when the request body could not be decoded properly, e.g. a sensitive route's body that is not base64 encoded.",
  },
  "route-not-found": { http: 404, kind: "uncommon", description: "This status is returned when the route record being requested hasn't been deployed yet." },
  "identify-request-error": {
    http: 500,
    kind: "uncommon",
    description: "This status is returned when there is an internal server error before the route could be identified. Please try again later.",
  },
  "service-not-found": {
    http: 503,
    kind: "uncommon",
    description: "This status is returned when the route's API service record being requested hasn't been deployed yet.",
  },
  "update-conflict": {
    http: 409,
    kind: "extension",
    description: "The appointment changed since the caller read it (updated_at_mt is stale). The current record is in data.appointment; merge and retry.",
  },
  "too-many-attempts": {
    http: 429,
    kind: "extension",
    description:
      "Too many failed sign-ins from this address or for this account: the Retry-After header says how many seconds to wait. The delay grows with each failure and ends by itself; a correct password after it works.",
  },
} as const satisfies Record<string, StatusSpec>;

export type LegacyStatus = keyof typeof legacyStatuses;
