import { redirect } from "next/navigation";

/** The dispatch board is the schedulers' home page. */
export default function Home() {
  redirect("/board");
}
