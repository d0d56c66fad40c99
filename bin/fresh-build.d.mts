export const BUILD_DIR: string;
export function freshBuild(root: string): { entry: string } | { problem: 'missing' | 'stale' };
