// Inside React Flow: registers the canvas's view for commands outside it (viewBridge.ts), and while
// presenting, shows the camera of each caption the playhead reaches that has one.

import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import { registerView, showCamera } from './viewBridge';
import { useFitClear } from './fitClear';

export function CaptionCamera() {
  const flow = useReactFlow();
  const fit = useFitClear();
  const store = useStoreApi();
  useEffect(() => {
    registerView({ flow, fit, size: () => ({ width: store.getState().width, height: store.getState().height }) });
    return () => registerView(null);
  }, [flow, fit, store]);

  const presenting = useApp((s) => s.presenting);
  const captions = useApp((s) => s.scenario?.captions);
  const now = useTransitioned((s) => Math.floor(s.clock));
  let index = -1;
  captions?.forEach((c, i) => {
    if (c.at <= now) index = i;
  });
  const camera = presenting && index >= 0 ? captions?.[index].camera : undefined;
  // The caption whose camera was shown last: reaching it again (back, then forward) shows it again.
  const shown = useRef(-1);
  useEffect(() => {
    if (!presenting || camera === undefined) {
      // Away from the camera's caption (or not presenting): coming back to it shows it again.
      shown.current = -1;
      return;
    }
    if (index === shown.current) return;
    // After entering presenting has laid out and fitted the full-screen canvas.
    const id = setTimeout(() => {
      shown.current = index;
      showCamera(camera);
    }, 300);
    return () => clearTimeout(id);
  }, [presenting, camera, index]);
  return null;
}
