/** Screen pixels per module: a scanner held at the screen needs bars a few pixels wide. */
const MODULE_PX = 3;
const HEIGHT_PX = 96;

/**
 * A 1-D barcode from main's module widths (space, bar, space, ... quiet zones at both ends),
 * drawn black on white whatever the theme: a scanner needs that contrast.
 */
export function BarcodeBars({ widths, label, testId }: { widths: readonly number[]; label: string; testId?: string }) {
  let x = 0;
  const bars: string[] = [];
  widths.forEach((w, i) => {
    if (i % 2 === 1) bars.push(`M${x},0h${w}v1h${-w}z`);
    x += w;
  });
  return (
    <svg
      className="barcode-bars"
      role="img"
      aria-label={label}
      width={x * MODULE_PX}
      height={HEIGHT_PX}
      viewBox={`0 0 ${x} 1`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
      data-testid={testId}
    >
      <rect width={x} height={1} fill="#fff" />
      <path d={bars.join('')} fill="#000" />
    </svg>
  );
}
