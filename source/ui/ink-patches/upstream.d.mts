// Types of upstream.mjs (plain JavaScript so that build.mjs can run it without a compiler).
export interface InkPatch {
  importedAs: string;
  upstream: string;
  sha256: string;
  replacement: string;
}
export interface InstalledInk {
  packageDir: string;
  buildDir: string;
  version: string;
}
export const INK_VERSION: string;
export const PATCHES: readonly InkPatch[];
export const UPSTREAM_PREFIX: string;
export function locateInk(root: string): InstalledInk;
export function upstreamPath(ink: InstalledInk, upstream: string): string;
export function sha256(file: string): string;
export function checkInkPatches(
  root: string,
  options?: { ink?: InstalledInk; hashOf?: (file: string) => string; patches?: readonly InkPatch[]; version?: string },
): string | null;
