/**
 * GB/T 40143-2021 clause 6.6.2: one- to five-star volunteers have at least 100, 300, 600,
 * 1000 and 1500 hours of cumulative service. "不少于" includes the bound.
 */
import type { GradeBand } from '../template/schema.ts';
import { gradeFor } from './grade-bands.ts';

export const VOLUNTEER_STAR_LEVELS: readonly GradeBand[] = [
  { id: '5-star', min: 1500, label: { 'zh-CN': '五星级志愿者', en: 'Five-star volunteer' } },
  { id: '4-star', min: 1000, label: { 'zh-CN': '四星级志愿者', en: 'Four-star volunteer' } },
  { id: '3-star', min: 600, label: { 'zh-CN': '三星级志愿者', en: 'Three-star volunteer' } },
  { id: '2-star', min: 300, label: { 'zh-CN': '二星级志愿者', en: 'Two-star volunteer' } },
  { id: '1-star', min: 100, label: { 'zh-CN': '一星级志愿者', en: 'One-star volunteer' } },
];

/** 0 (no star yet) to 5. */
export function volunteerStarLevel(cumulativeHours: number): number {
  if (!Number.isFinite(cumulativeHours))
    throw new RangeError(`hours must be a finite number, got ${cumulativeHours}`);
  const band = gradeFor(cumulativeHours, VOLUNTEER_STAR_LEVELS);
  return band ? Number(band.id[0]) : 0;
}
