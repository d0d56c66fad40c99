/**
 * The figures a volunteer service records export yields (derive-indicators.ts counts them), in
 * the order they are listed. Which indicator of a template takes which figure is the
 * template's to say: an indicator's `records` names the figure it is filled with.
 */
export const RECORDS_MEASURES = [
  { id: 'registered', unit: '名' },
  { id: 'active-share', unit: '%' },
  { id: 'activities', unit: '次' },
  { id: 'service-person-times', unit: '人次' },
  { id: 'service-hours', unit: 'h' },
  { id: 'service-average', unit: 'h/人' },
  { id: 'training-person-times', unit: '人次' },
  { id: 'training-average', unit: 'h/人' },
  { id: 'mobilized', unit: '名' },
] as const;
export type RecordsMeasure = (typeof RECORDS_MEASURES)[number]['id'];
export const RECORDS_MEASURE_IDS = RECORDS_MEASURES.map((m) => m.id) as [
  RecordsMeasure,
  ...RecordsMeasure[],
];
