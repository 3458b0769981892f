import type { Metadata } from "next";

export const metadata: Metadata = { title: "文件夹" };

export default function FolderPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">文件夹</h1>
      <div className="flex flex-col items-center gap-2 rounded-2xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-100">
        <p className="font-medium">暂无合同</p>
        <p className="text-sm text-slate-500">您发起或参与签署的合同会显示在这里</p>
      </div>
    </div>
  );
}
