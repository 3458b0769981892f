// fontkit 2 ships no types; we use only create() and hand the font to pdf-lib, which types it itself.
declare module "fontkit" {
  export function create(buffer: Buffer, postscriptName?: string): unknown;
}
