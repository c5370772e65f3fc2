import { adminEnv } from "./env";

/** Next calls this once when the server starts: a bad environment stops it there, naming the variable. */
export function register(): void {
  adminEnv();
}
