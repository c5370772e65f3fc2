import type { ReactNode } from "react";
import { AppHeader } from "~/components/shell/app-header";
import { requireSession } from "~/lib/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const me = await requireSession();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader userName={me.session?.user.name ?? me.actor} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
