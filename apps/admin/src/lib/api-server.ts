import { adminEnv } from "~/env";

/** The API server as the Next server reaches it (API_URL, parsed at start by env.ts). */
export function apiServerUrl(): string {
  return adminEnv().API_URL;
}
