// The task pane inside Excel (taskpane.html, the shared runtime's page): the open workbook.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { excelSource } from "./excel-source";
import { pickTheme } from "./theme";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App theme={pickTheme()} source={excelSource()} mode="excel" />);
});
