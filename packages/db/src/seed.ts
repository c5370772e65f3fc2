/**
 * Realistic bulk data: offices in several time zones, photographers, clients
 * with orders, and N appointments spread over a year. Appointments go in as
 * batches of one multi-row INSERT … SELECT FROM unnest(...) each, with Postgres
 * deriving the local/office/UTC columns from the instants, so a million rows
 * take seconds rather than hours. Each seeded appointment gets its audit entry
 * in the same statement.
 */
import type { Db } from "./client";

export const seedOffices = [
  { name: "Denver", timeZone: "America/Denver" },
  { name: "New York", timeZone: "America/New_York" },
  { name: "Los Angeles", timeZone: "America/Los_Angeles" },
  { name: "Phoenix", timeZone: "America/Phoenix" },
  { name: "Berlin", timeZone: "Europe/Berlin" },
  { name: "Sydney", timeZone: "Australia/Sydney" },
] as const;

const firstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jonas", "Kira", "Liam", "Maya", "Noor", "Omar", "Priya"];
const lastNames = ["Alvarez", "Brooks", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak"];
const streets = ["Maple Ave", "Cedar St", "Lakeview Dr", "Main St", "Hillcrest Rd", "Oak Ln", "Sunset Blvd", "River Rd", "Elm St"];
const kinds = ["Listing photos", "Drone aerials", "Twilight shoot", "Floor plan", "3D tour", "Headshots", "Video walkthrough"];
const deliveries = ["standard", "rush", "next-day"];

/** A small deterministic PRNG, so a seed of the same size gives the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  appointments: number;
  photographersPerOffice?: number;
  clients?: number;
  batchSize?: number;
  /** First day of the spread; appointments fall over the next `days` days (default 365). */
  from?: Date;
  days?: number;
  onProgress?: (done: number) => void;
}

export interface SeedCounts {
  offices: number;
  photographers: number;
  clients: number;
  orders: number;
  appointments: number;
}

export async function seed(db: Db, options: SeedOptions): Promise<SeedCounts> {
  const { appointments, photographersPerOffice = 8, clients = 200, batchSize = 5000 } = options;
  const from = options.from ?? new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  const rand = random(appointments + 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

  const offices = [];
  for (const office of seedOffices) {
    offices.push(await db.office.upsert({ where: { name: office.name }, create: office, update: {} }));
  }

  const runTag = Date.now().toString(36);
  const photographers: { id: number; name: string; officeIndex: number }[] = [];
  for (const [officeIndex, office] of offices.entries()) {
    for (let i = 0; i < photographersPerOffice; i++) {
      const name = `${pick(firstNames)} ${pick(lastNames)}`;
      const user = await db.user.create({
        data: {
          email: `photographer.${office.id}.${i}.${runTag}@example.com`,
          name,
          employee: { create: { isPhotographer: true, officeId: office.id } },
        },
      });
      photographers.push({ id: user.id, name, officeIndex });
    }
  }

  const orderIds: number[] = [];
  for (let i = 0; i < clients; i++) {
    const user = await db.user.create({
      data: {
        email: `client.${i}.${runTag}@example.com`,
        name: `${pick(firstNames)} ${pick(lastNames)}`,
        client: { create: { orders: { create: [{ reference: `ORD-${runTag}-${i}-A` }, { reference: `ORD-${runTag}-${i}-B` }] } } },
      },
      include: { client: { include: { orders: true } } },
    });
    orderIds.push(...(user.client?.orders.map((order) => order.id) ?? []));
  }

  for (let done = 0; done < appointments; ) {
    const size = Math.min(batchSize, appointments - done);
    const columns = {
      officeId: [] as number[],
      timeZone: [] as string[],
      officeTimeZone: [] as string[],
      /** Local wall clock of the start; Postgres turns it into the instant in the office's zone. */
      localStart: [] as string[],
      durationS: [] as number[],
      photographerId: [] as (number | null)[],
      photographerName: [] as (string | null)[],
      orderId: [] as number[],
      summary: [] as string[],
      location: [] as string[],
      apptType: [] as string[],
      delivery: [] as string[],
      confirmed: [] as boolean[],
      ready: [] as boolean[],
    };
    for (let i = 0; i < size; i++) {
      // About one in twenty-five is not placed yet (no photographer): most of those wait in the
      // board's ready-to-schedule queue with a requested slot and a window; placed ones are not
      // "ready to schedule" any more.
      const photographer = rand() < 0.96 ? pick(photographers) : null;
      const officeIndex = photographer?.officeIndex ?? Math.floor(rand() * offices.length);
      const office = offices[officeIndex]!;
      const day = Math.floor(rand() * (options.days ?? 365));
      // Shoots start between 07:00 and 18:45 local time, on a 15-minute grid.
      const minutes = 7 * 60 + Math.floor(rand() * 48) * 15;
      const date = new Date(from.getTime() + day * 86_400_000).toISOString().slice(0, 10);
      const kind = pick(kinds);
      columns.officeId.push(office.id);
      columns.timeZone.push(office.timeZone);
      columns.officeTimeZone.push(office.timeZone);
      columns.localStart.push(`${date} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
      columns.durationS.push((1 + Math.floor(rand() * 8)) * 30 * 60);
      columns.photographerId.push(photographer?.id ?? null);
      columns.photographerName.push(photographer?.name ?? null);
      columns.orderId.push(pick(orderIds));
      columns.summary.push(`${kind} at ${100 + Math.floor(rand() * 9800)} ${pick(streets)}`);
      columns.location.push(`${100 + Math.floor(rand() * 9800)} ${pick(streets)}, ${office.name}`);
      columns.apptType.push(kind);
      columns.delivery.push(pick(deliveries));
      columns.confirmed.push(rand() < 0.6);
      columns.ready.push(photographer ? rand() < 0.02 : rand() < 0.8);
    }
    await db.$executeRaw`
      WITH src AS (
        SELECT s.*, (s.local_start AT TIME ZONE s.tz) + make_interval(secs => s.duration_s) AS stops_at,
          s.local_start AT TIME ZONE s.tz AS starts_at
        FROM unnest(
          ${columns.officeId}::int[], ${columns.timeZone}::text[], ${columns.officeTimeZone}::text[],
          ${columns.localStart}::timestamp[], ${columns.durationS}::int[], ${columns.photographerId}::int[],
          ${columns.photographerName}::text[], ${columns.orderId}::int[], ${columns.summary}::text[],
          ${columns.location}::text[], ${columns.apptType}::text[], ${columns.delivery}::text[],
          ${columns.confirmed}::bool[], ${columns.ready}::bool[]
        ) AS s(office_id, tz, office_tz, local_start, duration_s, photographer_id, photographer_name, order_id,
               summary, location, appt_type, delivery, confirmed, ready)
      ), inserted AS (
        INSERT INTO appointment (
          uuid, office_id, time_zone_local, confirmed, confirmed_at, confirmed_by, appt_type,
          date_start_local, time_start_local, date_stop_local, time_stop_local,
          date_start_office, time_start_office, date_stop_office, time_stop_office,
          date_start_utc, time_start_utc, date_stop_utc, time_stop_utc,
          starts_at, stops_at, is_long, time_duration_s, time_duration,
          delivery_type, location, summary, order_id, photographer_user_id, photographer_name,
          ready_to_schedule, requested_date, requested_time, window_date_start, window_date_end,
          window_time_start, window_time_end, created_by, created_in, updated_by, search_text, created_at, updated_at
        )
        SELECT gen_random_uuid(), office_id, tz, confirmed, CASE WHEN confirmed THEN now() END,
          CASE WHEN confirmed THEN 'seed' END, appt_type,
          (starts_at AT TIME ZONE tz)::date, (starts_at AT TIME ZONE tz)::time(0),
          (stops_at AT TIME ZONE tz)::date, (stops_at AT TIME ZONE tz)::time(0),
          (starts_at AT TIME ZONE office_tz)::date, (starts_at AT TIME ZONE office_tz)::time(0),
          (stops_at AT TIME ZONE office_tz)::date, (stops_at AT TIME ZONE office_tz)::time(0),
          (starts_at AT TIME ZONE 'UTC')::date, (starts_at AT TIME ZONE 'UTC')::time(0),
          (stops_at AT TIME ZONE 'UTC')::date, (stops_at AT TIME ZONE 'UTC')::time(0),
          starts_at, stops_at, stops_at - starts_at > interval '24 hours', duration_s, (duration_s / 3600) || ':' || lpad(((duration_s % 3600) / 60)::text, 2, '0'),
          delivery, location, summary, order_id, photographer_id, photographer_name,
          ready,
          -- Unplaced ones carry the client's requested slot and the window it may move in (08:00-17:00, a day early to two late).
          CASE WHEN photographer_id IS NULL THEN local_start::date END, CASE WHEN photographer_id IS NULL THEN local_start::time(0) END,
          CASE WHEN photographer_id IS NULL THEN local_start::date - 1 END, CASE WHEN photographer_id IS NULL THEN local_start::date + 2 END,
          CASE WHEN photographer_id IS NULL THEN 480 END, CASE WHEN photographer_id IS NULL THEN 1020 END,
          'seed', 'cli:seed', 'seed',
          lower(concat_ws(E'\n', summary, location, photographer_name)), now(), now()
        FROM src
        RETURNING id
      )
      INSERT INTO appointment_change (appointment_id, action, actor, channel, at, changes)
      SELECT id, 'create', 'seed', 'cli', now(), '{}'::jsonb FROM inserted`;
    done += size;
    options.onProgress?.(done);
  }

  return {
    offices: offices.length,
    photographers: photographers.length,
    clients,
    orders: orderIds.length,
    appointments,
  };
}
