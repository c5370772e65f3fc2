import { adminEnv } from "./env";

/**
 * Next calls this once when the server starts: a bad environment stops it there, naming the variable.
 * Next only logs an error thrown here and serves on, so the Node server exits by itself.
 */
export function register(): void {
  try {
    adminEnv();
  } catch (error) {
    console.error((error as Error).message);
    if (process.env.NEXT_RUNTIME === "nodejs") process.exit(1);
    throw error;
  }
}
