"use client";
import { useEffect, useState } from "react";

/** Counts down, then goes back to the page the user wanted: if the API is still down, they land here again. */
export function RetryCountdown({ returnTo, seconds }: { returnTo: string; seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      window.location.assign(returnTo);
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, returnTo]);
  return (
    <p className="mt-4 flex items-center justify-between gap-3 text-sm">
      <span aria-live="polite">{left > 0 ? `Trying again in ${left} s…` : "Trying again…"}</span>
      <a href={returnTo} className="font-medium text-indigo-700 underline hover:text-indigo-900">
        Try again now
      </a>
    </p>
  );
}
