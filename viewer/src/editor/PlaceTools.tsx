import { useStore } from 'zustand';
import { Segmented } from '../app/Segmented';
import { useT } from '../i18n/use-t';
import { PLACE_TOOLS, type PlaceTool } from './objects/tools';
import { editor, setEditor } from './store';

/** The object types' placing tools (buffer, charger, gateway, camera, zone, Wi-Fi AP), beside the main tools. */
export function PlaceTools() {
  const t = useT();
  const tool = useStore(editor, (s) => s.tool);
  return (
    <Segmented<PlaceTool | ''>
      label={t('editor.place')}
      value={(PLACE_TOOLS.some((p) => p.tool === tool) ? tool : '') as PlaceTool | ''}
      testId="editor-place-tools"
      onChange={(v) => v && setEditor({ tool: v, edgeFrom: null })}
      options={PLACE_TOOLS.map((p) => ({ value: p.tool, label: t(`editor.tool.${p.tool}`) }))}
    />
  );
}
