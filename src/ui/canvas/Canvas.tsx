// The canvas: React Flow draws the system's nodes, and pans and zooms; the edges are drawn in one
// layer of our own (EdgeLayer.tsx), and in-flight DMA by one overlay layer on top (ui/overlay),
// never as React state or animated edges.

import { useCallback, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { reuseByKey } from './reuse';
import '@xyflow/react/dist/style.css';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import type { Scenario } from '../../sim';
import { buildEdges, buildNodes, edgeSignature, type CanvasNode } from './graph';
import { EndpointNode } from '../nodes/EndpointNode';
import { DeviceNode } from '../nodes/DeviceNode';
import { RegionNode } from '../nodes/RegionNode';
import { SmmuNode } from '../nodes/SmmuNode';
import { Overlay } from '../overlay/Overlay';
import { FitOnPresent } from './FitOnPresent';
import { FitOnOpen } from './FitOnOpen';
import { CaptionCamera } from './CaptionCamera';
import { PreFit } from './PreFit';
import { ArrangeButton } from './ArrangeButton';
import { FIT_PADDING, useFitClear } from './fitClear';
import { EdgeLayer } from './EdgeLayer';
import { DangerLayer } from '../danger/DangerLayer';
import { FrameViolation } from '../danger/FrameViolation';
import { MinimapButton } from './MinimapButton';
import { minimapShown, useMinimapChoice } from './minimap';
import { endpointColour } from '../theme';
import { importFile } from '../actions/share';
import { EmptyState } from '../panels/EmptyState';
import './canvas.css';

const nodeTypes = { endpoint: EndpointNode, device: DeviceNode, region: RegionNode, smmu: SmmuNode };

export function Canvas() {
  const scenario = useApp((s) => s.scenario);
  // An embed is a player: its nodes stay where the scenario puts them, and nothing is dropped in.
  const embedded = useApp((s) => s.embedded);
  const moveNode = useApp((s) => s.moveNode);
  const select = useApp((s) => s.select);
  const minimapChoice = useMinimapChoice((s) => s.shown);
  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  const [builtFor, setBuiltFor] = useState<Scenario | null>(null);

  // Nodes are rebuilt when the scenario or its stored layout changes (a drag writes the layout, so
  // the rebuilt node sits where it was dropped). Adjusting state while rendering, as React advises
  // for state derived from a prop, rather than in an effect.
  if (scenario !== builtFor) {
    setBuiltFor(scenario);
    setNodes((prev) => (scenario === null ? [] : mergeSelection(prev, buildNodes(scenario))));
  }

  // Edges change only when ownership, STEs, tables or page access change — not with every
  // transaction — so they are rebuilt only when that signature changes.
  // The canvas itself does not follow the view (its nodes select their own parts), so React
  // Flow is not re-rendered on every frame.
  const signature = useTransitioned((s) => (s.view === null ? '' : edgeSignature(s.view)));
  // Unchanged edges keep their identity (matched by id), so the edge layer re-renders only the
  // edges that changed.
  const [edgeState, setEdgeState] = useState<{ signature: string; edges: Edge[] }>({ signature: '', edges: [] });
  if (edgeState.signature !== signature) {
    const v = useApp.getState().view;
    setEdgeState({ signature, edges: v === null ? [] : reuseByKey(edgeState.edges, buildEdges(v), (e) => e.id) });
  }
  const edges = edgeState.edges;

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes, ns));
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, node: CanvasNode, dragged: CanvasNode[]) => {
      // One undoable edit per drag, however many nodes moved.
      for (const n of dragged.length > 0 ? dragged : [node]) moveNode(n.id, [n.position.x, n.position.y]);
    },
    [moveNode],
  );

  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback(
    (_, n) => select({ kind: n.type === 'smmu' ? 'smmu' : (n.type as 'endpoint' | 'device' | 'region'), id: n.id }),
    [select],
  );

  const onPaneClick = useCallback(() => select(null), [select]);

  // A focused node (Tab reaches each one, with a focus ring) is selected by Enter. The arrow keys
  // are left to the shortcuts, which step the run: they never move a node (React Flow's own
  // keyboard handling, which nudges a selected node, is off).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
    const node = nodes.find((n) => n.id === id);
    if (node === undefined) return;
    e.preventDefault();
    setNodes((ns) => ns.map((n) => (n.selected === (n.id === node.id) ? n : { ...n, selected: n.id === node.id })));
    onNodeClick(e as unknown as React.MouseEvent, node);
  };

  if (scenario === null) return <EmptyState />;
  const minimap = minimapShown(minimapChoice, nodes.length);
  return (
    <div
      className="cv-root"
      data-testid="canvas"
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (!embedded && e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (f === undefined || embedded) return;
        e.preventDefault();
        void importFile(f);
      }}
    >
      <ReactFlow
        nodes={nodes}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        fitView
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={0.15}
        maxZoom={2.5}
        nodesConnectable={false}
        nodesDraggable={!embedded}
        // Deleting goes through the document (the Delete action), never straight from the canvas.
        deleteKeyCode={null}
        disableKeyboardA11y
        colorMode="dark"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} color="#262b33" />
        {minimap && <MiniMap pannable zoomable nodeColor={minimapColour} maskColor="#0d0f12bb" />}
        <CanvasControls minimap={minimap} />
        <EdgeLayer edges={edges} />
        <Overlay />
        <DangerLayer />
        <FrameViolation />
        <FitOnPresent />
        <PreFit />
        <FitOnOpen />
        <CaptionCamera />
      </ReactFlow>
    </div>
  );
}

/** Zoom, fit (clear of the minimap), Arrange in columns and the minimap. Inside React Flow, for its instance. */
function CanvasControls({ minimap }: { minimap: boolean }) {
  const fitView = useFitClear();
  // An embed shows the scenario as laid out: arranging is an edit.
  const embedded = useApp((s) => s.embedded);
  return (
    <Controls showInteractive={false} onFitView={fitView}>
      {!embedded && <ArrangeButton />}
      <MinimapButton shown={minimap} />
    </Controls>
  );
}

function mergeSelection(prev: CanvasNode[], next: CanvasNode[]): CanvasNode[] {
  const selected = new Set(prev.filter((n) => n.selected).map((n) => n.id));
  return next.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n));
}

function minimapColour(node: { type?: string; data: Record<string, unknown> }): string {
  const view = useApp.getState().view;
  const n = node as CanvasNode;
  if (view === null) return '#444';
  if (n.type === 'endpoint') return endpointColour(n.data.index);
  if (n.type === 'device') return endpointColour(view.devices[n.data.index]?.owner ?? -1);
  if (n.type === 'region') return endpointColour(view.regions[n.data.index]?.owner ?? -1);
  return '#6b7380';
}
