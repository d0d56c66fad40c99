/** GB/T 40143-2021 clause 6.6.2: star levels by cumulative service hours (不少于 includes the bound). */
import { describe, expect, it } from 'vitest';
import { gradeFor, VOLUNTEER_STAR_LEVELS, volunteerStarLevel } from '../../core/index.ts';

describe('volunteer star levels', () => {
  it.each([
    [0, 0],
    [99.9, 0],
    [100, 1],
    [299, 1],
    [300, 2],
    [599.5, 2],
    [600, 3],
    [999, 3],
    [1000, 4],
    [1499.99, 4],
    [1500, 5],
    [20000, 5],
  ])('%d h → %d stars', (hours, stars) => expect(volunteerStarLevel(hours)).toBe(stars));

  it('are grade bands a template can use', () => {
    expect(gradeFor(650, VOLUNTEER_STAR_LEVELS)?.label['zh-CN']).toBe('三星级志愿者');
    expect(gradeFor(50, VOLUNTEER_STAR_LEVELS)).toBeNull();
  });

  it('refuses a non-number', () =>
    expect(() => volunteerStarLevel(Number.NaN)).toThrow(RangeError));
});
