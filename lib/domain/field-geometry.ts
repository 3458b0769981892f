// Where a signature field lands on a PDF page. The browser shows each page as pdf.js displays it
// (its /Rotate applied, top-left origin); fields are stored as fractions of that view, so they
// survive any zoom. Stamping needs PDF user-space points on the unrotated page, and an upright
// drawing rotated back by the page's rotation.

/** A rectangle in fractions (0..1) of the displayed page, top-left origin. */
export type FracRect = { x: number; y: number; w: number; h: number };

/** The page as the PDF holds it: its visible box in user space and its /Rotate. */
export type PageBox = { x0: number; y0: number; width: number; height: number; rotate: number };

/** What to draw: the bottom-left corner of the upright content in user space, its size, and its rotation (degrees, counter-clockwise). */
export type Placement = { x: number; y: number; width: number; height: number; rotate: 0 | 90 | 180 | 270 };

export function normalizeRotation(deg: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

/** The displayed page's size in points (width and height swap for a quarter turn). */
export function viewSize(page: PageBox): { width: number; height: number } {
  const r = normalizeRotation(page.rotate);
  return r === 90 || r === 270 ? { width: page.height, height: page.width } : { width: page.width, height: page.height };
}

/** A point of the displayed page (points, top-left origin) → user space. */
export function viewToUser(page: PageBox, vx: number, vy: number): { x: number; y: number } {
  const { width: W, height: H, x0, y0 } = page;
  switch (normalizeRotation(page.rotate)) {
    case 0:
      return { x: x0 + vx, y: y0 + H - vy };
    case 90: // shown turned clockwise: the page's bottom-left corner is the view's top-left
      return { x: x0 + vy, y: y0 + vx };
    case 180:
      return { x: x0 + W - vx, y: y0 + vy };
    case 270:
      return { x: x0 + W - vy, y: y0 + H - vx };
  }
}

/** A field's rectangle → where and how to draw upright content into it. */
export function placeField(page: PageBox, f: FracRect): Placement {
  const v = viewSize(page);
  const width = f.w * v.width;
  const height = f.h * v.height;
  // the content's bottom-left corner as seen on screen
  const corner = viewToUser(page, f.x * v.width, (f.y + f.h) * v.height);
  return { x: corner.x, y: corner.y, width, height, rotate: normalizeRotation(page.rotate) };
}

/** The inverse, for tests and for showing stored fields: a user-space point → fractions of the view. */
export function userToFrac(page: PageBox, ux: number, uy: number): { x: number; y: number } {
  const { width: W, height: H, x0, y0 } = page;
  const px = ux - x0;
  const py = uy - y0;
  const v = viewSize(page);
  let vx: number;
  let vy: number;
  switch (normalizeRotation(page.rotate)) {
    case 0:
      [vx, vy] = [px, H - py];
      break;
    case 90:
      [vx, vy] = [py, px];
      break;
    case 180:
      [vx, vy] = [W - px, py];
      break;
    case 270:
      [vx, vy] = [H - py, W - px];
      break;
  }
  return { x: vx / v.width, y: vy / v.height };
}

/** Keeps a rectangle on its page and at least a minimum size (fractions). */
export function clampRect(r: FracRect, min = 0.02): FracRect {
  const w = Math.min(Math.max(r.w, min), 1);
  const h = Math.min(Math.max(r.h, min), 1);
  return { x: Math.min(Math.max(r.x, 0), 1 - w), y: Math.min(Math.max(r.y, 0), 1 - h), w, h };
}

/** Two fields on the same page overlap when they share more than a sliver (1/1000 of the page each way). */
export function overlaps(a: FracRect, b: FracRect, slack = 0.001): boolean {
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

/**
 * Where a new field of `r`'s size goes so that it overlaps none of `taken`: `r` itself when free,
 * else beside it in the same row (right, then left: signature blocks side by side stay on screen),
 * else straight below, else straight above, else the first free place scanning the page in rows.
 * Null when the page has no room (the caller keeps `r`, and saving refuses the overlap).
 */
export function freeSpot(r: FracRect, taken: readonly FracRect[], step = 0.01): FracRect | null {
  const fits = (x: number, y: number) => x + r.w <= 1.0001 && y + r.h <= 1.0001;
  const free = (c: FracRect) => !taken.some((t) => overlaps(c, t));
  const grid = [...Array(Math.floor(1 / step) + 1).keys()].map((i) => Math.round(i * step * 1000) / 1000);
  const candidates = [
    [r.x, r.y],
    ...grid.filter((x) => x > r.x).map((x) => [x, r.y]),
    ...grid.filter((x) => x < r.x).reverse().map((x) => [x, r.y]),
    ...grid.filter((y) => y > r.y).map((y) => [r.x, y]),
    ...grid.filter((y) => y < r.y).reverse().map((y) => [r.x, y]),
    ...grid.flatMap((y) => grid.map((x) => [x, y])),
  ] as [number, number][];
  for (const [x, y] of candidates) {
    if (!fits(x, y)) continue;
    const c = clampRect({ ...r, x, y });
    if (free(c)) return c;
  }
  return null;
}

/** The index pairs of fields (same page) that overlap, for refusing a layout that would print one over another. */
export function overlappingPairs<F extends FracRect & { page: number }>(fields: readonly F[]): [number, number][] {
  const out: [number, number][] = [];
  fields.forEach((a, i) => fields.forEach((b, j) => j > i && a.page === b.page && overlaps(a, b) && out.push([i, j])));
  return out;
}
