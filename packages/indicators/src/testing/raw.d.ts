// Vite (and so vitest) loads `file?raw` as the file's text: tests read
// fixtures this way so that number literals keep their exact digits.
declare module '*?raw' {
  const text: string
  export default text
}
