// Browser mode (app.html): the same task pane outside Office, on the sample workbook or any .xlsx
// the user opens. Nothing is sent anywhere: files are read and saved in the page.
//
// This script is small on purpose: it starts reading the sample workbook (the .xlsx reader is a
// chunk of its own) at once, while the task pane's code (React, Fluent UI) downloads and compiles.
import { sampleSource } from "./sources";

const source = sampleSource();
void import(/* webpackChunkName: "browser-pane" */ "./browser-pane").then(({ mount }) => mount(source));
