export function ExportMenu({ onExport }: { onExport: () => void }) {
  return <button onClick={onExport}>Export CSV</button>;
}
