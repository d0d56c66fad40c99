export function freshBuild(root: string): { entry: string } | { problem: 'missing' | 'stale' };
