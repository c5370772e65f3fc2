/** The API server as the Next server reaches it; read per call so `next start` honours the environment. */
export function apiServerUrl(): string {
  return (process.env.API_URL ?? "http://127.0.0.1:3001").replace(/\/$/, "");
}
