/**
 * The API server's cookie and header names. The values are restated here
 * because importing them from @plano/api at run time would drag its database
 * layer into this app; the `typeof` annotations make the compiler check that
 * they still match the API's.
 */
import type { APPLICATION_HEADER as ApiApplicationHeader, CSRF_HEADER as ApiCsrfHeader, SESSION_COOKIE as ApiSessionCookie } from "@plano/api";

export const SESSION_COOKIE: typeof ApiSessionCookie = "plano_session";
const CSRF_HEADER: typeof ApiCsrfHeader = "x-plano-csrf";
const APPLICATION_HEADER: typeof ApiApplicationHeader = "x-plano-application";

/** Schedulers hold their roles in PlanoAuth; the admin always acts as it. */
export const ADMIN_APPLICATION = "planoauth";

/** Sent with every call from this app: the cookie alone is not accepted (CSRF). */
export const adminApiHeaders = { [CSRF_HEADER]: "1", [APPLICATION_HEADER]: ADMIN_APPLICATION } as const;
