import type { Appointment } from "@plano/schema";

type BadgeFlags = Pick<Appointment, "confirmed" | "cancelled" | "sameDayCancel" | "readyToSchedule">;

const badgeStyles = {
  confirmed: "bg-emerald-100 text-emerald-800",
  unconfirmed: "bg-slate-100 text-slate-700",
  cancelled: "bg-rose-100 text-rose-800",
  sameDay: "bg-orange-100 text-orange-800",
  ready: "bg-sky-100 text-sky-800",
} as const;

function Badge({ tone, children }: { tone: keyof typeof badgeStyles; children: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${badgeStyles[tone]}`}>{children}</span>;
}

export function StatusBadges({ appointment }: { appointment: BadgeFlags }) {
  return (
    <span className="flex flex-wrap gap-1">
      {appointment.cancelled ? <Badge tone="cancelled">Cancelled</Badge> : null}
      {appointment.sameDayCancel ? <Badge tone="sameDay">Same-day cancel</Badge> : null}
      {!appointment.cancelled ? appointment.confirmed ? <Badge tone="confirmed">Confirmed</Badge> : <Badge tone="unconfirmed">Unconfirmed</Badge> : null}
      {appointment.readyToSchedule ? <Badge tone="ready">Ready to schedule</Badge> : null}
    </span>
  );
}
