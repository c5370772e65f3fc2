/**
 * Converting between the database row and the API's appointment. Postgres
 * `date` and `time` columns come back from Prisma as JS Dates pinned to UTC;
 * the API speaks `YYYY-MM-DD` and `HH:MM:SS` strings so that no time zone can
 * creep into a calendar date.
 */
import { appointmentFields, type Appointment } from "@plano/schema";
import type { Prisma } from "@plano/db";

export const dateKeys = appointmentFields.filter((f) => f.type === "date").map((f) => f.key);
export const timeKeys = appointmentFields.filter((f) => f.type === "time").map((f) => f.key);

export const toIsoDate = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);
export const toIsoTime = (value: Date | null): string | null => (value ? value.toISOString().slice(11, 19) : null);
export const fromIsoDate = (value: string | null): Date | null => (value ? new Date(`${value}T00:00:00.000Z`) : null);
export const fromIsoTime = (value: string | null): Date | null => (value ? new Date(`1970-01-01T${value}.000Z`) : null);
const toInstant = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The version string handed to callers: `updatedAt` to the millisecond, as stored. */
export const versionOf = (updatedAt: Date): string => updatedAt.toISOString();

export const appointmentInclude = { office: { select: { timeZone: true } } } as const;
export type AppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

export function toAppointment(row: AppointmentRow): Appointment {
  const { office, searchText: _searchText, ...columns } = row;
  const record: Record<string, unknown> = { ...columns };
  for (const key of dateKeys) record[key] = toIsoDate(row[key as keyof AppointmentRow] as Date | null);
  for (const key of timeKeys) record[key] = toIsoTime(row[key as keyof AppointmentRow] as Date | null);
  return {
    ...(record as Omit<Appointment, "confirmedAt" | "startsAt" | "stopsAt" | "createdAt" | "updatedAt" | "updatedAtMt" | "officeTimeZone">),
    officeTimeZone: office.timeZone,
    confirmedAt: toInstant(row.confirmedAt),
    startsAt: toInstant(row.startsAt),
    stopsAt: toInstant(row.stopsAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedAtMt: versionOf(row.updatedAt),
  };
}
