// Whether a font stack draws two Chinese characters as different glyphs in a canvas. This machine
// has no CJK font of its own, so without the shipped Noto Sans SC both come out as the same box;
// canvas text has no CSS fallback, so a chart or page that forgets the shipped font shows boxes.
import type { Page } from '@playwright/test';

export async function drawsDistinctGlyphs(page: Page, fontFamily: string, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    async ({ fontFamily, a, b }) => {
      const font = `32px ${fontFamily}`;
      await document.fonts.load(font, a + b);
      const pixels = (character: string): string => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d canvas');
        context.font = font;
        context.fillText(character, 2, 34);
        return context.getImageData(0, 0, 40, 40).data.join(',');
      };
      return pixels(a) !== pixels(b);
    },
    { fontFamily, a, b },
  );
}
