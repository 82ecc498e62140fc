// Everything the export dialog runs, as one module it loads when a picture or an animation is first
// asked for: one lazy chunk holds the exporters and the engine they replay, out of the page's first load.

export { exportImage, saveBytes } from './imageExport';
export { exportReport } from './reportExport';
export { Cancelled, defaultStep, frameTicks, rangeProblem, renderGif, renderWebm } from './animationExport';
