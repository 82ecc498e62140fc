// The captions of the scenario, in the editor's Settings: each one's tick and text, the view Present
// shows at it (saved from the canvas as it is now, or forgotten), and a caption added at the playhead.

import { useApp } from '../../store/appStore';
import { currentCamera } from '../canvas/viewBridge';
import { TextField, NumberField } from './fields';
import { edit, type Doc } from '../actions/edits';
import { setField } from './docEdits';

export function CaptionsEditor({ doc }: { doc: Doc }) {
  const captions = doc.captions ?? [];
  return (
    <>
      <h4>Captions</h4>
      {captions.map((c, i) => {
        const caption = (d: Doc) => d.captions?.[i];
        return (
          <div className="ed-row" key={i} data-testid="ed-caption">
            <NumberField
              label={`caption ${i + 1} tick`}
              value={c.at}
              width={52}
              onCommit={(v) => setField(caption, 'at', v, 'Move caption')}
            />
            <TextField label={`caption ${i + 1} text`} value={c.text} onCommit={(v) => setField(caption, 'text', v, 'Edit caption')} />
            <button
              type="button"
              aria-label={`Save the view for caption ${i + 1}`}
              aria-pressed={c.camera !== undefined}
              title={
                c.camera === undefined
                  ? 'Present shows the canvas as it is now at this caption'
                  : `Present shows a saved view at this caption (zoom ${c.camera.zoom}); click to save the view as it is now`
              }
              onClick={() => {
                const camera = currentCamera();
                if (camera !== null) edit('Save caption view', (d) => void (d.captions![i].camera = camera));
              }}
            >
              ◎
            </button>
            {c.camera !== undefined && (
              <button
                type="button"
                aria-label={`Forget the view of caption ${i + 1}`}
                title="Present keeps the view as it is at this caption"
                onClick={() => edit('Forget caption view', (d) => void delete d.captions![i].camera)}
              >
                ⊘
              </button>
            )}
            <button aria-label={`Delete caption ${i + 1}`} onClick={() => edit('Delete caption', (d) => void d.captions?.splice(i, 1))}>
              ×
            </button>
          </div>
        );
      })}
      <div className="ed-add">
        <button
          onClick={() =>
            edit('Add caption', (d) => void (d.captions ??= []).push({ at: Math.floor(useApp.getState().clock), text: 'New caption' }))
          }
        >
          + caption at the playhead
        </button>
      </div>
    </>
  );
}
