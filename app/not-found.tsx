import Link from "next/link";
import { Logo } from "@/components/ui/logo";

export const metadata = { title: "Not found" };

// Also what a visitor sees for an unknown or archived short link.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <Logo />
      <p className="mt-10 text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-gray-900">This link doesn’t go anywhere</h1>
      <p className="mt-3 max-w-md text-gray-600">
        The page or short link you followed does not exist, or it has been retired by its owner. Check the address
        for typos, or ask whoever shared it for a fresh link.
      </p>
      <Link href="/" className="mt-8 text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        Go to Clickproof →
      </Link>
    </main>
  );
}
