/**
 * Every field a caller may set, and whether it may be set to null, as plain
 * data. `appointmentWritableShape` (model.ts) holds the rules for the same
 * fields in zod; this table is for code that must not load zod with a page
 * (the admin's forms). writable-fields.test.ts proves the two agree, key for
 * key and in order, so neither can change without the other.
 */
export const appointmentWritableNullable = {
  officeId: false,
  timeZoneLocal: false,
  confirmed: false,
  cancelled: false,
  allday: false,
  apptType: true,
  dateStartLocal: true,
  timeStartLocal: true,
  dateStopLocal: true,
  timeStopLocal: true,
  dateStartOffice: true,
  timeStartOffice: true,
  dateStopOffice: true,
  timeStopOffice: true,
  dateStartUtc: true,
  timeStartUtc: true,
  dateStopUtc: true,
  timeStopUtc: true,
  timeDurationS: true,
  timeDuration: true,
  deliveryType: true,
  description: true,
  location: true,
  notes: true,
  summary: true,
  onSiteCancel: false,
  sameDayCancel: false,
  cancelReason: true,
  optional: false,
  readyToSchedule: false,
  orderId: true,
  orderRequestId: true,
  orderRequestApptId: true,
  photographerUserId: true,
  photographerName: true,
  requestedDate: true,
  requestedTime: true,
  windowDateStart: true,
  windowDateEnd: true,
  windowTimeStart: true,
  windowTimeEnd: true,
  createdBy: true,
  createdIn: true,
  updatedBy: true,
  confirmedBy: true,
} as const satisfies Record<string, boolean>;

export type AppointmentWritableKey = keyof typeof appointmentWritableNullable;

/** The writable fields, in the order `appointmentWritableShape` declares them. */
export const appointmentWritableKeys = Object.keys(appointmentWritableNullable) as AppointmentWritableKey[];
