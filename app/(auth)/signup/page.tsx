import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/page-guard";
import { safeNext } from "@/lib/http/safe-next";

export const metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next, "");
  if (await getSessionUser()) redirect(next || "/workspaces");
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">Create your account</h1>
      <p className="mt-1 text-sm text-gray-500">
        Already have one?{" "}
        <Link href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"} className="font-medium text-indigo-600 hover:text-indigo-500">
          Sign in
        </Link>
      </p>
      <div className="mt-6">
        <SignUpForm next={next || undefined} email={params.email} />
      </div>
    </>
  );
}
