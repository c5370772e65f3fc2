/**
 * What the global setup tells the tests (through environment variables, which
 * Playwright's workers inherit), read in one place.
 */
export const SCHEDULER = { email: "scheduler@e2e.example.com", name: "Sam Scheduler", password: "e2e-password-1" } as const;

export interface E2eEnvironment {
  adminUrl: string;
  apiUrl: string;
  databaseUrl: string;
  /** A planoorder application token, for changes "made elsewhere" while a page is open. */
  appToken: string;
  /** Where the API server sends client emails; nothing listens there unless a test starts a stand-in. */
  mandrillPort: number;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts (its global setup sets it)`);
  return value;
}

export function e2eEnvironment(): E2eEnvironment {
  return {
    adminUrl: required("PLANO_E2E_ADMIN_URL"),
    apiUrl: required("PLANO_E2E_API_URL"),
    databaseUrl: required("PLANO_E2E_DATABASE_URL"),
    appToken: required("PLANO_E2E_APP_TOKEN"),
    mandrillPort: Number(required("PLANO_E2E_MANDRILL_PORT")),
  };
}

export const STATE_FILE_ENV = "PLANO_E2E_STATE_FILE";
