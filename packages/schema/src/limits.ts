/**
 * Limits of the tRPC protocol that the server enforces and its clients must
 * respect (so their batching links split batches before the server refuses them).
 */

/** Calls in one `/api/trpc` batch; a longer batch is refused with 400 before any call runs. */
export const TRPC_MAX_BATCH_CALLS = 25;

/** Rows in one `appointment.bulk` call. */
export const BULK_MAX_ROWS = 500;
