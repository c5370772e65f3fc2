/**
 * The appointment table in raw SQL, for the hot paths that bypass Prisma's
 * query builder (see bench/: one round trip and one Prisma call fewer per
 * request is most of what the API costs above the database). Raw rows come
 * back in the model's exact shape: every scalar under its Prisma field name.
 */
import { Prisma } from "@plano/db";
import { toSnakeCase } from "@plano/schema";
import type { Appointment } from "@plano/schema";
import { appointmentBuilder, type AppointmentRow, type AppointmentTextRow } from "../domain/appointment-record";

/** Columns follow the schema's convention: the snake_case of the field (prisma/schema.prisma). */
export const columnOf = toSnakeCase;

/** Every scalar column of `appointment a` under its field name; built once, from the generated client's field list. */
const appointmentFields = Object.values(Prisma.AppointmentScalarFieldEnum);
export const appointmentColumns = Prisma.raw(appointmentFields.map((field) => `a."${columnOf(field)}" AS "${field}"`).join(", "));

const buildAppointment = appointmentBuilder(appointmentFields);

/** Every field of `row` under its own name, as the entries of an object literal (the generated copies below). */
const rowFields = appointmentFields.map((field) => `${JSON.stringify(field)}: row[${JSON.stringify(field)}]`).join(",\n      ");

/**
 * The row of `loadAppointment` in Prisma's shape (`include` of the office's
 * zone and the order's client), as one object literal made once as code:
 * copied through rest and spread (`withOffice`, then `order`) the 60-key row
 * ended up a hash table that every later copy paid for (appointment-record.ts
 * says why, and why generated code). Keys are the model's field names.
 */
export const loadedOfRow = new Function(
  `return function loaded(row) {
    return {
      ${rowFields},
      office: { timeZone: row.officeTimeZone },
      order: row.orderId === null ? null : { clientId: row.orderClientId },
    };
  };`,
)() as (row: AppointmentScalars & { officeTimeZone: string; orderClientId: number | null }) => AppointmentRow & {
  order: { clientId: number | null } | null;
};

/**
 * An appointment row in Prisma's shape with its office, as one object literal:
 * every row procedures hand on (`withoutOrder`, `writtenRow`) is made here, so
 * `toAppointment` and everything after it meet one shape (rows of several
 * shapes sent its generated code through V8's slow lookups, bench/ issue 13).
 */
const rowWithOffice = new Function(
  `return function rowWithOffice(row, office) {
    return {
      ${rowFields},
      office: office,
    };
  };`,
)() as (row: AppointmentScalars, office: AppointmentRow["office"]) => AppointmentRow;

/** A loaded row without its `order` (what procedures hand on as `ctx.appointment`). */
export const withoutOrder = (row: AppointmentRow & { order: unknown }): AppointmentRow => rowWithOffice(row, row.office);

/** A row a create or an update returned (`appointmentColumns`, and whatever else its statement selects) with its office's zone. */
export const writtenRow = (row: AppointmentScalars, timeZone: string): AppointmentRow => rowWithOffice(row, { timeZone });

/** The API's appointment of a row selected as `appointmentColumns, o.time_zone AS "officeTimeZone"`: `toAppointment(withOffice(row))`, faster. */
export const appointmentOfRow = (row: (AppointmentScalars | AppointmentTextScalars) & { officeTimeZone: string }): Appointment =>
  buildAppointment(row, row.officeTimeZone);

/** An appointment row without relations, as `appointmentColumns` returns it. */
export type AppointmentScalars = Prisma.AppointmentGetPayload<object>;

/** The same row read with the store's `apiText` option (store/client.ts). */
export type AppointmentTextScalars = Omit<AppointmentTextRow, "office">;

/** A raw row selected with `o.time_zone AS "officeTimeZone"` in the shape of Prisma's `include: appointmentInclude`. */
export function withOffice<T extends (AppointmentScalars | AppointmentTextScalars) & { officeTimeZone: string }>({
  officeTimeZone,
  ...columns
}: T): (T extends AppointmentScalars ? AppointmentRow : AppointmentTextRow) & Omit<T, "officeTimeZone"> {
  return { ...columns, office: { timeZone: officeTimeZone } } as (T extends AppointmentScalars ? AppointmentRow : AppointmentTextRow) &
    Omit<T, "officeTimeZone">;
}
