"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { Sheet } from "@/components/ui/Sheet";

/**
 * 参照示例填写 / 创建… under a template's preview. A template with a 告知书 (借条) shows it
 * first; the wizard opens only once it is accepted.
 */
export function StartTemplate({ templateId, name, notice }: { templateId: string; name: string; notice: readonly string[] | null }) {
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);
  const href = (sample: boolean) => `/templates/${templateId}/new${sample ? "?sample=1" : ""}`;
  const start = (sample: boolean) => (notice ? setTarget(href(sample)) : router.push(href(sample)));
  return (
    <>
      <div className="grid grid-cols-[1fr_2fr] gap-2">
        {notice ? (
          <Button variant="secondary" className="min-h-12 text-sm" onClick={() => start(true)}>
            参照示例填写
          </Button>
        ) : (
          <Link href={href(true)} className="flex min-h-12 items-center justify-center rounded-lg border border-slate-300 bg-white text-center text-sm">
            参照示例填写
          </Link>
        )}
        {notice ? (
          <Button className="min-h-12" onClick={() => start(false)}>
            创建{name}
          </Button>
        ) : (
          <Link href={href(false)} className="flex min-h-12 items-center justify-center rounded-lg bg-brand-500 text-center font-medium text-white">
            创建{name}
          </Link>
        )}
      </div>
      {target && notice && (
        <Sheet title="告知书" onClose={() => setTarget(null)}>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            {notice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          <div className="grid grid-cols-2 gap-3 pt-2">
            <Button variant="secondary" onClick={() => setTarget(null)}>
              取消
            </Button>
            <Button onClick={() => router.push(target)}>我已理解并接受上述内容</Button>
          </div>
        </Sheet>
      )}
    </>
  );
}
