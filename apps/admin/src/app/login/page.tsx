import type { Metadata } from "next";
import { safeReturnPath } from "~/lib/return-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; expired?: string }> }) {
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Plano Appointments</h1>
        <p className="mb-5 text-sm text-slate-500">Sign in to schedule appointments.</p>
        <LoginForm returnTo={safeReturnPath(next)} />
      </div>
    </main>
  );
}
