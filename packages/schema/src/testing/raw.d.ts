// Vite's `?raw` imports: a file's exact text, which keeps number literals
// as Kraken wrote them. Tests only; no Node typings leak into the package.
declare module '*?raw' {
  const text: string
  export default text
}
