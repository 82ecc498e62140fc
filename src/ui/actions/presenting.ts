// The presenter's keys, active only while presenting: captions (a presentation remote's Page
// Up/Down), blanking the screen, zoom and speed.

import { fitView, zoomBy } from '../canvas/viewBridge';
import { app, presenterKey } from './keys';
import { nextSpeed } from './speeds';
import type { ActionSpec } from './registry';

export const PRESENTING = [
  {
    name: 'nextCaption',
    label: 'Next caption',
    description: 'Presenting: run to the next caption (a presentation remote’s key)',
    keys: 'Page Down',
    keyTest: (e) => presenterKey(e, ['PageDown']),
    perform: () => app().caption(1),
    history: 'never',
    presenting: true,
  },
  {
    name: 'prevCaption',
    label: 'Previous caption',
    description: 'Presenting: back to the previous caption',
    keys: 'Page Up',
    keyTest: (e) => presenterKey(e, ['PageUp']),
    perform: () => app().caption(-1),
    history: 'never',
    presenting: true,
  },
  {
    name: 'blank',
    label: 'Blank the screen',
    description: 'Presenting: blank the screen, or show it again',
    keys: '. / B',
    keyTest: (e) => presenterKey(e, ['.', 'b', 'B']),
    perform: () => app().setBlank(!app().blank),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomIn',
    label: 'Zoom in',
    description: 'Presenting: zoom in',
    keys: '+',
    keyTest: (e) => presenterKey(e, ['+', '=']),
    perform: () => zoomBy(1.25),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomOut',
    label: 'Zoom out',
    description: 'Presenting: zoom out',
    keys: '−',
    keyTest: (e) => presenterKey(e, ['-', '_']),
    perform: () => zoomBy(0.8),
    history: 'never',
    presenting: true,
  },
  {
    name: 'zoomFit',
    label: 'Fit the system',
    description: 'Presenting: fit the whole system in view',
    keys: '0',
    keyTest: (e) => presenterKey(e, ['0']),
    perform: () => fitView(),
    history: 'never',
    presenting: true,
  },
  {
    name: 'slower',
    label: 'Slower',
    description: 'Presenting: play slower',
    keys: '[',
    keyTest: (e) => presenterKey(e, ['[']),
    perform: () => app().setSpeed(nextSpeed(app().speed, -1)),
    history: 'never',
    presenting: true,
  },
  {
    name: 'faster',
    label: 'Faster',
    description: 'Presenting: play faster',
    keys: ']',
    keyTest: (e) => presenterKey(e, [']']),
    perform: () => app().setSpeed(nextSpeed(app().speed, 1)),
    history: 'never',
    presenting: true,
  },
] as const satisfies readonly ActionSpec[];
