import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickTheme } from "./theme";

function start() {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App theme={pickTheme()} />);
}

// Inside Office, wait for office.js; the same page also works in a plain browser.
if (typeof Office !== "undefined") Office.onReady(start);
else start();
