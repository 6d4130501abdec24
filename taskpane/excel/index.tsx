// The Excel task pane's entry (taskpane/pane.html): once Office is ready, the pane over the
// Office.js host, inside Fluent's provider, as Microsoft's React template starts its pane.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficeHost } from "./officeHost";

const root = createRoot(document.getElementById("root")!);

createOfficeHost()
  .then((host) => {
    document.documentElement.lang = host.language;
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>,
    );
  })
  .catch((error: unknown) => {
    // Outside Excel (or with office.js unreachable) the pane cannot read a workbook: say so, and where to try it.
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent =
      "Relances ne peut pas lire ce classeur ici : ouvrez ce volet dans Excel, ou essayez l'aperçu sur /preview. / " +
      `Relances cannot read this workbook here: open this pane in Excel, or try the preview at /preview. (${error instanceof Error ? error.message : String(error)})`;
    document.getElementById("root")!.replaceChildren(message);
  });
