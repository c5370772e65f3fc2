import Link from "next/link";
import { LogoutButton } from "./logout-button";
import { NavLink } from "./nav-link";

export function AppHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/board" className="font-semibold text-indigo-700">
          Plano
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1">
          <NavLink href="/board">Board</NavLink>
          <NavLink href="/appointments">Appointments</NavLink>
          <NavLink href="/notifications">Notifications</NavLink>
          <NavLink href="/webhooks">Webhooks</NavLink>
          <NavLink href="/reference">API reference</NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="signed-in-user">
            {userName}
          </span>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
