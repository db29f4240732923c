import { ExportMenu } from './ExportMenu';

// The whole props object goes on: which of its props matter cannot be told from here.
export function Toolbar(props: { onExport: () => void; title: string }) {
  return (
    <div className="toolbar">
      <h1>{props.title}</h1>
      <ExportMenu {...props} />
    </div>
  );
}
