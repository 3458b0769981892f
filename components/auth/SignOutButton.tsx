"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/Button";

export function SignOutButton() {
  return (
    <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: "/login" })}>
      退出登录
    </Button>
  );
}
