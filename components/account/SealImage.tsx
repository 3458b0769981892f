/** A seal drawing as an image (a data URL, so its SVG is never inserted into the page as markup). */
export function SealImage({ svg, label, size = 96 }: { svg: string; label: string; size?: number }) {
  // eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise
  return <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={label} width={size} height={size} className="shrink-0" />;
}
