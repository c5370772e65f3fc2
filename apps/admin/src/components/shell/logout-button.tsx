"use client";
import { Button } from "~/components/ui/button";
import { api } from "~/trpc/react";

export function LogoutButton() {
  const logout = api.auth.logout.useMutation({
    // Whatever the answer, the user asked to leave: drop cached data with a full navigation.
    onSettled: () => window.location.assign("/login"),
  });
  return (
    <Button variant="secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {logout.isPending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
