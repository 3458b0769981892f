"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/Button";

// next-auth v4 builds its redirect from NEXTAUTH_URL (default localhost:3000), which is wrong when the
// app is reached by another host name (a phone on the LAN, a proxy). Navigate ourselves, relative to the page.
async function signOutHere() {
  await signOut({ redirect: false });
  window.location.assign("/login");
}

export function SignOutButton() {
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOutHere()}>
      退出登录
    </Button>
  );
}
