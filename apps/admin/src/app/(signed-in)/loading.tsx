import { Spinner } from "~/components/ui/notice";

export default function Loading() {
  // Marked, so browser tests know the page itself has not arrived yet.
  return (
    <div data-route-loading>
      <Spinner label="Loading…" />
    </div>
  );
}
