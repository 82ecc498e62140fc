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
  const shown = useRef<typeof camera>(undefined);
  useEffect(() => {
    if (!presenting) shown.current = undefined;
    if (camera === undefined || camera === shown.current) return;
    shown.current = camera;
    // After entering presenting has laid out and fitted the full-screen canvas.
    const id = setTimeout(() => showCamera(camera), 300);
    return () => clearTimeout(id);
  }, [presenting, camera]);
  return null;
}
