"use client";
import { useState } from "react";
import { createPortal } from "react-dom";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";

/** 告知书: must be accepted before an IOU is created. */
export function CreateIouButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="w-full" onClick={() => setOpen(true)}>
        创建借条
      </Button>
      {/* In a portal: the sticky bar holding the button is its own stacking context, under the nav. */}
      {open &&
        createPortal(
        <div role="dialog" aria-modal="true" aria-labelledby="notice-title" className="fixed inset-0 z-[70] flex items-end justify-center bg-black/40 sm:items-center">
          <div className="flex max-h-[85dvh] w-full max-w-md flex-col gap-3 overflow-y-auto rounded-t-2xl bg-white p-5 sm:rounded-2xl">
            <h2 id="notice-title" className="text-lg font-semibold">
              告知书
            </h2>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
              <li>本平台是电子合同签约工具，不提供借款、贷款及相关咨询或撮合服务。</li>
              <li>借条双方须为22至75周岁的大陆公民，并以本人实名身份签署；签署前需通过人脸核身确认签署意愿。</li>
              <li>单笔借款金额最高50万元，借款日期最早为60天前；金额超过10万元须填写补充信息。</li>
              <li>年利率超过一年期LPR四倍的部分不受法律保护；请如实约定利率。</li>
              <li>借条发起后30天内对方未完成签署将自动过期；对方处理前您可以撤销。</li>
            </ol>
            <div className="grid grid-cols-2 gap-3 pt-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                取消
              </Button>
              <Button onClick={() => router.push("/iou/new")}>我已理解并接受上述内容</Button>
            </div>
          </div>
        </div>,
          document.body,
        )}
    </>
  );
}
