/** Each source file of a build, by its path relative to the project's root: [size, mtimeMs]. */
export type Inputs = Record<string, [size: number, mtimeMs: number]>;
export function manifestOf(root: string, files: readonly string[]): Inputs;
export function unchanged(root: string, inputs: Inputs): boolean;
