"use client";
import type { LoginInput } from "@plano/schema";
import { useForm } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, inputClasses } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { lazyZodResolver } from "~/lib/lazy-resolver";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";

const loginResolver = lazyZodResolver<LoginInput>(() => import("@plano/schema").then((schema) => schema.loginInput));

export function LoginForm({ returnTo }: { returnTo: string }) {
  const form = useForm<LoginInput>({
    resolver: loginResolver,
    defaultValues: { email: "", password: "", rememberMe: false },
  });
  const login = api.auth.login.useMutation({
    // A full navigation, so the next page is rendered on the server with the new cookie.
    onSuccess: () => window.location.assign(returnTo),
  });
  const { errors } = form.formState;

  return (
    // method="post": submitted before the page is interactive, the password must not land in the URL.
    <form method="post" noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((values) => login.mutate(values))}>
      {login.error ? <Notice tone="error">{errorMessageOf(login.error)}</Notice> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => <input {...control} {...form.register("email")} type="email" autoComplete="username" className={inputClasses} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => <input {...control} {...form.register("password")} type="password" autoComplete="current-password" className={inputClasses} />}
      </Field>
      <CheckboxField label="Remember me on this computer" {...form.register("rememberMe")} />
      <Button type="submit" disabled={login.isPending || login.isSuccess}>
        {login.isPending || login.isSuccess ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
