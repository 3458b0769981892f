"use server";
import { redirect } from "next/navigation";
import { sandboxApprove, sandboxDecline } from "@/lib/server/payments";

// The sandbox gateway's own pay page buttons (模拟支付). They act on the gateway's book only; the
// merchant (us) learns of the payment from the signed notification, as with the real gateway.

export async function sandboxApproveAction(form: FormData) {
  const back = await sandboxApprove(String(form.get("id") ?? ""));
  redirect(back ?? "/");
}

export async function sandboxDeclineAction(form: FormData) {
  const back = await sandboxDecline(String(form.get("id") ?? ""));
  redirect(back ? `${back}?declined=1` : "/");
}
