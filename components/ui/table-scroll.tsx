/**
 * The one wrapper of every data table: it scrolls sideways inside its card on narrow screens with
 * the first column kept in view and a shadow cue at the edge (app/globals.css, .table-scroll), and
 * keyboard users can focus it to scroll (a named region).
 */
export function TableScroll({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`table-scroll ${className}`}>
      {children}
    </div>
  );
}
