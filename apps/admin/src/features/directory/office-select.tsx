"use client";
/** Choose one office, or "All offices" (empty): the board's filter and a webhook's office use the same list. */
import type { SelectHTMLAttributes } from "react";
import { inputClasses } from "~/components/ui/field";
import { useOffices } from "./use-directory";

export function OfficeSelect({
  value,
  onChange,
  allLabel = "All offices",
  ...control
}: {
  value: number | null;
  onChange: (officeId: number | null) => void;
  allLabel?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "className">) {
  const offices = useOffices();
  return (
    <select
      {...control}
      className={inputClasses}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
    >
      <option value="">{allLabel}</option>
      {offices.data?.map((office) => (
        <option key={office.id} value={office.id}>
          {office.name}
        </option>
      ))}
    </select>
  );
}
