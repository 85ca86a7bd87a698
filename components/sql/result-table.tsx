"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import type { DisplayValue } from "@/lib/sql/display-value";

type Row = DisplayValue[];
const ROW_HEIGHT = 26; // px of a row (one line of text-xs with py-1)
const help = createColumnHelper<Row>();

type Props = {
  columns: string[];
  rows: Row[];
  label: string;
  /** Declared types of the columns, shown under their names when known. */
  types?: (string | undefined)[];
  /** Rows visible before the table scrolls (the rest are rendered as they scroll into view). */
  visibleRows?: number;
};

/**
 * Query rows (@tanstack/react-table), virtualized (@tanstack/react-virtual): only the rows in view
 * and a few around them are in the DOM, so a result of thousands of rows renders as fast as ten.
 */
export function ResultTable({ columns, rows, label, types, visibleRows = 16 }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const defs = useMemo(
    () =>
      columns.map((name, i) =>
        help.accessor((row) => row[i], {
          id: String(i),
          header: () => (
            <span className="flex flex-col">
              <span>{name}</span>
              {types?.[i] ? (
                <span className="text-[10px] font-normal uppercase text-slate-400">{types[i]}</span>
              ) : null}
            </span>
          ),
          cell: (cell) => {
            const v = cell.getValue();
            return v === null ? <span className="text-slate-400">NULL</span> : String(v);
          },
        }),
      ),
    [columns, types],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is used in this render only
  const table = useReactTable({ data: rows, columns: defs, getCoreRowModel: getCoreRowModel() });
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 0, height: ROW_HEIGHT * visibleRows },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div>
      <div
        ref={scroller}
        className="overflow-auto rounded-lg border border-slate-200 bg-white"
        style={{ maxHeight: ROW_HEIGHT * (visibleRows + 2) }}
      >
        <table className="w-full text-sm" aria-label={label} aria-rowcount={rows.length + 1}>
          <thead className="sticky top-0 bg-slate-100 text-left text-xs text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} className="px-3 py-2 font-mono font-medium">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {before > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: before, padding: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = tableRows[item.index]!;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  className="border-t border-slate-100"
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="max-w-96 truncate px-3 py-1 font-mono text-xs">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: after, padding: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {rows.length > visibleRows ? (
        <p className="mt-1 text-xs text-slate-500">{rows.length} rows · scroll for more</p>
      ) : null}
    </div>
  );
}
