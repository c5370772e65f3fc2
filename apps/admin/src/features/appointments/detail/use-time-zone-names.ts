"use client";
import { useMemo } from "react";

/** The IANA zones this browser knows, as suggestions for the local zone field. */
export function useTimeZoneNames(): readonly string[] {
  return useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
}
