import { describe, expect, it } from "vitest";
import { clampRect, freeSpot, overlappingPairs, overlaps, placeField, userToFrac, viewSize, viewToUser, type PageBox } from "./field-geometry";

const A4: PageBox = { x0: 0, y0: 0, width: 595.28, height: 841.89, rotate: 0 };
const LETTER_90: PageBox = { x0: 0, y0: 0, width: 612, height: 792, rotate: 90 };
const OFFSET_180: PageBox = { x0: 20, y0: 30, width: 400, height: 300, rotate: 180 };
const A5_270: PageBox = { x0: 0, y0: 0, width: 419.53, height: 595.28, rotate: 270 };
const NEG_ROTATE: PageBox = { x0: 0, y0: 0, width: 612, height: 792, rotate: -90 };

describe("view size", () => {
  it.each([
    [A4, 595.28, 841.89],
    [LETTER_90, 792, 612],
    [OFFSET_180, 400, 300],
    [A5_270, 595.28, 419.53],
    [NEG_ROTATE, 792, 612],
  ])("%o", (page, w, h) => expect(viewSize(page)).toEqual({ width: w, height: h }));
});

describe("view corners map to the page corners the viewer shows there", () => {
  // [page, view point (fractions), user point]
  it.each([
    [A4, [0, 0], [0, 841.89]], // top-left of an upright page
    [A4, [1, 1], [595.28, 0]],
    [LETTER_90, [0, 0], [0, 0]], // turned clockwise: the page's bottom-left shows at the top-left
    [LETTER_90, [1, 0], [0, 792]],
    [LETTER_90, [0, 1], [612, 0]],
    [OFFSET_180, [0, 0], [420, 30]], // upside down, with a CropBox origin
    [OFFSET_180, [1, 1], [20, 330]],
    [A5_270, [0, 0], [419.53, 595.28]],
    [A5_270, [1, 1], [0, 0]],
    [NEG_ROTATE, [0, 0], [612, 792]], // -90 is 270
  ] as const)("%o at %o", (page, [fx, fy], [ux, uy]) => {
    const v = viewSize(page);
    const p = viewToUser(page, fx * v.width, fy * v.height);
    expect(p.x).toBeCloseTo(ux, 6);
    expect(p.y).toBeCloseTo(uy, 6);
    const back = userToFrac(page, ux, uy);
    expect(back.x).toBeCloseTo(fx, 9);
    expect(back.y).toBeCloseTo(fy, 9);
  });
});

describe("placing a field", () => {
  it("on an upright A4 page: the bottom-left of the rectangle, in points", () => {
    const p = placeField(A4, { x: 0.5, y: 0.8, w: 0.25, h: 0.1 });
    expect(p.rotate).toBe(0);
    expect(p.x).toBeCloseTo(297.64, 2);
    expect(p.y).toBeCloseTo(841.89 * 0.1, 2);
    expect(p.width).toBeCloseTo(148.82, 2);
    expect(p.height).toBeCloseTo(84.189, 3);
  });

  it.each([LETTER_90, OFFSET_180, A5_270])("on %o: the drawing, turned back, covers exactly the rectangle seen on screen", (page) => {
    const f = { x: 0.1, y: 0.2, w: 0.3, h: 0.15 };
    const p = placeField(page, f);
    expect(p.rotate).toBe(((page.rotate % 360) + 360) % 360);
    // the drawn box's four corners, rotated by p.rotate around (p.x, p.y), land on the view rectangle
    const rad = (p.rotate * Math.PI) / 180;
    const corner = (dx: number, dy: number) => ({
      x: p.x + dx * Math.cos(rad) - dy * Math.sin(rad),
      y: p.y + dx * Math.sin(rad) + dy * Math.cos(rad),
    });
    const seen = [corner(0, 0), corner(p.width, 0), corner(0, p.height), corner(p.width, p.height)].map((c) => userToFrac(page, c.x, c.y));
    const expected = [
      { x: f.x, y: f.y + f.h }, // content's bottom-left shows at the rectangle's bottom-left
      { x: f.x + f.w, y: f.y + f.h },
      { x: f.x, y: f.y },
      { x: f.x + f.w, y: f.y },
    ];
    seen.forEach((s, i) => {
      expect(s.x).toBeCloseTo(expected[i]!.x, 9);
      expect(s.y).toBeCloseTo(expected[i]!.y, 9);
    });
  });
});

describe("clampRect keeps a field on its page", () => {
  it.each([
    [{ x: -0.1, y: 0.5, w: 0.2, h: 0.1 }, { x: 0, y: 0.5, w: 0.2, h: 0.1 }],
    [{ x: 0.9, y: 0.95, w: 0.2, h: 0.1 }, { x: 0.8, y: 0.9, w: 0.2, h: 0.1 }],
    [{ x: 0.5, y: 0.5, w: 0.001, h: 2 }, { x: 0.5, y: 0, w: 0.02, h: 1 }],
  ])("%o → %o", (input, out) => {
    const r = clampRect(input);
    for (const k of ["x", "y", "w", "h"] as const) expect(r[k]).toBeCloseTo(out[k], 9);
  });
});

describe("fields never print over each other", () => {
  const box = (x: number, y: number, w = 0.2, h = 0.1) => ({ x, y, w, h });
  it.each([
    [box(0, 0), box(0.2, 0), false], // side by side, touching
    [box(0, 0), box(0.1995, 0), false], // within the sliver
    [box(0, 0), box(0.19, 0.05), true],
    [box(0.3, 0.3), box(0.35, 0.32, 0.05, 0.05), true], // one inside the other
    [box(0, 0), box(0, 0.1), false], // stacked, touching
  ])("%j and %j overlap: %s", (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
  it("a new field goes beside the ones already there, then below, and keeps its size", () => {
    const first = box(0.4, 0.45);
    const beside = freeSpot(box(0.4, 0.45), [first])!;
    expect(beside).toMatchObject({ y: 0.45, w: 0.2, h: 0.1 });
    expect(beside.x).toBeCloseTo(0.6, 5);
    const third = freeSpot(box(0.4, 0.45), [first, beside])!;
    expect(third.x).toBeCloseTo(0.8, 5); // still room on the right
    const left = freeSpot(box(0.4, 0.45), [first, beside, third])!;
    expect(left).toMatchObject({ y: 0.45 });
    expect(left.x + left.w).toBeLessThanOrEqual(0.4 + 0.001);
    const row = [first, beside, third, left, box(0, 0.45)];
    const below = freeSpot(box(0.4, 0.45), row)!;
    expect(below.x).toBe(0.4);
    expect(below.y).toBeGreaterThanOrEqual(0.55 - 0.001);
    expect(row.some((t) => overlaps(below, t))).toBe(false);
  });
  it("a free spot is kept as it is; a full page has none", () => {
    expect(freeSpot(box(0.1, 0.1), [box(0.5, 0.5)])).toEqual(box(0.1, 0.1));
    expect(freeSpot(box(0, 0, 0.5, 0.5), [box(0, 0, 1, 1)])).toBeNull();
  });
  it("lists overlapping pairs on the same page only", () => {
    const f = [
      { ...box(0, 0), page: 0 },
      { ...box(0.1, 0.05), page: 0 },
      { ...box(0.1, 0.05), page: 1 },
    ];
    expect(overlappingPairs(f)).toEqual([[0, 1]]);
  });
});
