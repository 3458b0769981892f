"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** On our pay page: re-reads the order until the gateway's notification (or the query job) has paid it; the page then moves on. */
export function PayWatcher({ everyMs = 2000, forMs = 15 * 60_000 }: { everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const until = Date.now() + forMs;
    const t = setInterval(() => {
      if (Date.now() > until) return clearInterval(t);
      router.refresh();
    }, everyMs);
    return () => clearInterval(t);
  }, [everyMs, forMs, router]);
  return null;
}
