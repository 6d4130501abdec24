// The render workers' own script (src/node/workerRenderer.ts): only what renders the documents,
// without the command line's other packages (exceljs, express...), which each worker would
// otherwise load into its own heap.
import "./workerRenderer";
