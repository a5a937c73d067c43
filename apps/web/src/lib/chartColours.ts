/**
 * Fill colours of chart series, in order: green (succeeded), amber (failed), red (refused), blue.
 * Each has at least 3:1 contrast with the white and grey panels (WCAG 1.4.11).
 */
export const seriesColours = ['#14532d', '#b45309', '#991b1b', '#1d4ed8'] as const;

/** The colour of series `i` (wrapping). */
export const seriesColour = (i: number): string => seriesColours[i % seriesColours.length] ?? '#111827';
