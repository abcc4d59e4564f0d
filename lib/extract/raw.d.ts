// Vite's `?raw` imports (lib/extract/data.ts): the file's text as a string.
declare module '*?raw' {
  const text: string;
  export default text;
}
