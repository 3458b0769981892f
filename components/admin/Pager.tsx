import Link from "next/link";

/** 上一页 / 第 n / m 页 / 下一页 under an admin list; `href` builds a page's link with the list's filters. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  return (
    <nav className="flex items-center gap-3 text-sm" aria-label="分页">
      {page > 1 && <Link href={href(page - 1)}>上一页</Link>}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages && <Link href={href(page + 1)}>下一页</Link>}
    </nav>
  );
}
