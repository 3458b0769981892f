"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/server/auth/session";
import { resendOutboxMessage } from "@/lib/server/notify";

const schema = z.object({ id: z.string().min(1).max(40) });

export async function resendAction(formData: FormData): Promise<void> {
  await requireAdmin();
  const parsed = schema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return;
  await resendOutboxMessage(parsed.data.id);
  revalidatePath("/admin/outbox");
}
