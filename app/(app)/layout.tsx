import { requireUser } from "@/lib/server/auth";
import { AppNav } from "@/components/nav/AppNav";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return (
    <div className="md:flex md:min-h-dvh">
      <AppNav />
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pt-4 pb-24 md:px-8 md:pt-8 md:pb-10 lg:has-[>[data-wide]]:max-w-6xl">{children}</main>
    </div>
  );
}
