import { type Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The Fluent theme matching Office's theme inside Office, or the system's colour scheme outside it. */
export function pickTheme(): Theme {
  const background =
    typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const light = background ? luminance(background) : undefined;
  if (light !== undefined) return light < 0.5 ? webDarkTheme : webLightTheme;
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  return dark ? webDarkTheme : webLightTheme;
}
