// The playback buttons, from the actions table: to the start, back an event, play or pause, on an
// event, to the end — and, in the full toolbar, by operation and by tick too. The workbench's
// toolbar and the embedded player draw the same buttons from here; `children` follow them in the
// group (the toolbar's speed).

import type { ReactNode } from 'react';
import { useApp } from '../../store/appStore';
import { ActionButton } from '../actions/ActionButton';
import { Icon } from './Icon';

export function TransportButtons({
  full,
  children,
}: {
  /** With the by-operation and by-tick steps. */ full: boolean;
  children?: ReactNode;
}) {
  const playing = useApp((s) => s.playing);
  return (
    <div className="pn-transport" role="group" aria-label="Playback">
      <ActionButton name="home" icon={<Icon d="M4 3v10M13 3 6 8l7 5z" />} />
      {full && <ActionButton name="prevOp" icon={<Icon d="M14 3 9 8l5 5zM8 3 3 8l5 5z" />} />}
      <ActionButton name="prevEvent" icon={<Icon d="M12 3 6 8l6 5zM4 3v10" />} />
      <ActionButton
        name="playPause"
        className="pn-play"
        icon={playing ? <Icon d="M4 3h3v10H4zM9 3h3v10H9z" fill /> : <Icon d="M4 2l10 6-10 6z" fill />}
      />
      <ActionButton name="stepEvent" icon={<Icon d="M4 3l6 5-6 5zM12 3v10" />} />
      {full && <ActionButton name="stepTick" icon="+1" />}
      {full && <ActionButton name="nextOp" icon={<Icon d="M2 3l5 5-5 5zM8 3l5 5-5 5z" />} />}
      <ActionButton name="end" icon={<Icon d="M3 3l7 5-7 5zM12 3v10" fill />} />
      {children}
    </div>
  );
}
