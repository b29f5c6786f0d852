// Browser mode's task pane, loaded by browser.tsx once the workbook is being read.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import type { WorkbookSource } from "./state/session";
import { pickTheme } from "./theme";

export function mount(source: WorkbookSource): void {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App theme={pickTheme()} source={source} mode="browser" />);
}
