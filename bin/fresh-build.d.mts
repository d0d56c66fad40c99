export const BUILD_DIR: string;
export const BUILD_MANIFEST: string;
export function freshBuild(root: string): { entry: string } | { problem: 'missing' | 'stale' };
