import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "个人电子签", template: "%s · 个人电子签" },
  description: "借条、收据与合同的在线签署，手写签名与数字签名双重保障",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f6bff" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
