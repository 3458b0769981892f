import Link from "next/link";

/** The product's mark: a signature on a line (the same drawing as app/icon.svg, the favicon). */
export function LogoMark({ className = "h-9 w-9" }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" className={className} aria-hidden>
      <rect width="64" height="64" rx="14" fill="#2f6bff" />
      <path d="M14 38c5-10 9-17 12-17 4 0-5 20-1 20 3 0 6-12 9-12 2 0 0 8 3 8s5-7 8-9" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M14 48h36" stroke="#fff" strokeOpacity=".7" strokeWidth="3.5" strokeLinecap="round" />
    </svg>
  );
}

/** Mark and name, linking home: on every page a person may reach without the app's navigation (an SMS link). */
export function Brand({ large = false }: { large?: boolean }) {
  return (
    <Link href="/" className="flex w-fit items-center gap-2" aria-label="个人电子签 首页">
      <LogoMark className={large ? "h-14 w-14" : "h-8 w-8"} />
      <span className={large ? "text-2xl font-semibold" : "text-base font-semibold"}>个人电子签</span>
    </Link>
  );
}
