import { Spinner } from "~/components/ui/notice";

export default function Loading() {
  return <Spinner label="Loading…" />;
}
