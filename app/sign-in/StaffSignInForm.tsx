"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { staffSignInSchema as schema, type StaffSignInValues as Values } from "@/lib/auth/sign-in-schema";

export function StaffSignInForm() {
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), shouldFocusError: false });

  const onSubmit = async (v: Values) => {
    setMessage(undefined);
    const res = await signIn("staff", { email: v.email, password: v.password, redirect: false });
    if (!res || res.error) {
      setMessage(res?.error && res.error !== "CredentialsSignin" ? res.error : "The email address or password is not right.");
      return;
    }
    router.replace("/");
    router.refresh();
  };

  const fieldErrors = { email: errors.email?.message, password: errors.password?.message };
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate method="post" action="#">
      <ErrorSummary errors={fieldErrors} message={message} />
      <TextField label="Email address" type="email" autoComplete="username" spellCheck={false} error={fieldErrors.email} {...register("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" error={fieldErrors.password} {...register("password")} />
      <button type="submit" className="button" disabled={isSubmitting} aria-disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
