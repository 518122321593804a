// Ink's own modules that the patches fall back on and the tests compare against. The bare
// specifier `ink-upstream/<file>` is mapped to Ink's build folder by the build (build.mjs) and by
// the test configuration (vitest.config.ts), both through upstream.mjs.
declare module 'ink-upstream/sanitize-ansi.js' {
  const sanitizeAnsi: (text: string) => string;
  export default sanitizeAnsi;
}
declare module 'ink-upstream/measure-text.js' {
  const measureText: (text: string) => { width: number; height: number };
  export default measureText;
}
declare module 'ink-upstream/output.js' {
  const Output: new (options: { width: number; height: number }) => {
    width: number;
    height: number;
    operations: unknown[];
    write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
    clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
    unclip(): void;
    get(): { output: string; height: number };
  };
  export default Output;
}
