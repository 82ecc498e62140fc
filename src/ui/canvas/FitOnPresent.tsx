// Entering or leaving presentation changes the canvas's size: fit the graph to it again.

import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useApp } from '../../store/appStore';

export function FitOnPresent() {
  const presenting = useApp((s) => s.presenting);
  const { fitView } = useReactFlow();
  useEffect(() => {
    // After the layout change has been laid out.
    const id = requestAnimationFrame(() => void fitView({ padding: 0.06, duration: 250 }));
    return () => cancelAnimationFrame(id);
  }, [presenting, fitView]);
  return null;
}
