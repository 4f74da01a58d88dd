// Numbers reach the till in three scripts: Latin (0-9), Arabic-Indic (٠-٩, what the Arabic keyboard layout
// types) and Extended Arabic-Indic (۰-۹, Persian/Urdu layouts). Main and the renderer both normalise what a
// person typed before reading it, by this one rule. Pure; not part of the preload bridge.

/** Rewrites Arabic-Indic and Extended Arabic-Indic digits as Latin ones; everything else is left alone. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const cp = d.charCodeAt(0);
    return String(cp - (cp >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}
