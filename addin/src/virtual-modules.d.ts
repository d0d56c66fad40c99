// Made by addin/build.ts at build time: every templates/*.yaml as text.
declare module 'scorebook:templates' {
  const texts: { file: string; text: string }[];
  export default texts;
}
