import type { Metadata } from "next";
import { Brand } from "@/components/brand/Brand";
import { FaceReturnNotice } from "@/components/identity/FaceReturnNotice";
import { currentUser } from "@/lib/server/auth";
import { faceCheckStatus } from "@/lib/server/identity";

export const metadata: Metadata = { title: "人脸核身" };
export const dynamic = "force-dynamic";

/**
 * Where the face provider's page sends the person back (DetectAuth's RedirectUrl names our check).
 * The server asks the provider how the check stands; nothing in the address decides it. Without a
 * session here (the provider's page finished on another device) nothing is shown but the way back.
 */
export default async function FaceReturnPage({ searchParams }: { searchParams: Promise<{ check?: string | string[] }> }) {
  const { check } = await searchParams;
  const faceCheckId = typeof check === "string" && check.length > 0 && check.length <= 40 ? check : null;
  const user = await currentUser();
  const found = user && faceCheckId ? await faceCheckStatus(user, faceCheckId) : null;
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-6 px-4 py-8">
      <Brand />
      <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-100">
        <h1 className="mb-3 text-lg font-semibold">人脸核身</h1>
        <FaceReturnNotice faceCheckId={found ? faceCheckId : null} status={found?.status ?? null} realName={found?.purpose === "REAL_NAME"} />
      </section>
    </main>
  );
}
