/** Marks a development provider in the UI: nothing it does is passed off as real. */
export function SimulatedBadge({ title = "开发环境模拟服务，不会真实发送或核验" }: { title?: string }) {
  return (
    <span title={title} className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
      模拟
    </span>
  );
}
