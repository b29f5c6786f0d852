// Browser mode (app.html): the same task pane outside Office, on the sample workbook or any .xlsx
// the user opens. Nothing is sent anywhere: files are read and saved in the page.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { sampleSource } from "./sources";
import { pickTheme } from "./theme";

const container = document.getElementById("container");
if (container) createRoot(container).render(<App theme={pickTheme()} source={sampleSource()} mode="browser" />);
