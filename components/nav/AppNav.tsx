"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { LogoMark } from "@/components/brand/Brand";

// Each tab owns the sections under it: a contract's pages belong to 文件夹, a new contract to 首页.
const items = [
  { href: "/", label: "首页", sections: ["/iou", "/templates", "/cases"], icon: "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" },
  { href: "/folder", label: "文件夹", sections: ["/folder", "/contracts"], icon: "M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" },
  { href: "/me", label: "个人中心", sections: ["/me", "/realname"], icon: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0" },
];

function isActive(path: string, item: (typeof items)[number]) {
  if (item.href === "/" && path === "/") return true;
  return item.sections.some((s) => path === s || path.startsWith(`${s}/`));
}

/** Bottom tab bar on phones, a side bar from md up. */
export function AppNav() {
  const path = usePathname();
  return (
    <nav
      aria-label="主导航"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:static md:w-56 md:shrink-0 md:border-t-0 md:border-r md:bg-white md:pb-0"
    >
      <div className="hidden items-center gap-2 px-5 py-5 md:flex">
        <LogoMark />
        <span className="text-lg font-semibold">个人电子签</span>
      </div>
      <ul className="grid grid-cols-3 md:flex md:flex-col md:gap-1 md:px-3">
        {items.map((it) => {
          const active = isActive(path, it);
          return (
            <li key={it.href}>
              <Link
                href={it.href}
                aria-current={active ? "page" : undefined}
                className={`flex flex-col items-center gap-0.5 py-2 text-xs md:flex-row md:gap-3 md:rounded-lg md:px-3 md:py-2.5 md:text-base ${
                  active ? "text-brand-600 md:bg-brand-50" : "text-slate-500 hover:text-slate-800"
                }`}
              >
                <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
                  <path d={it.icon} strokeLinejoin="round" />
                </svg>
                {it.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
