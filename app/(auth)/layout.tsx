import { Logo } from "@/components/ui/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12">
      <Logo />
      <div className="mt-8 w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">{children}</div>
    </main>
  );
}
