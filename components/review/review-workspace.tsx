"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ApiError } from "@/components/api/fetch-json";
import { EditPanel } from "@/components/review/edit-panel";
import { Kbd } from "@/components/review/kbd";
import { RejectDialog } from "@/components/review/reject-dialog";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewItemCard } from "@/components/review/review-item-card";
import {
  deckQuery,
  itemQuery,
  useQueueCounts,
  useReviewAction,
  useUndo,
  type DeckFilters,
} from "@/components/review/review-queries";
import { SchemaPanel } from "@/components/review/schema-panel";
import { keyOf, type ShortcutAction } from "@/components/review/shortcuts";
import { ShortcutsOverlay } from "@/components/review/shortcuts-overlay";
import { SwapDialog } from "@/components/review/swap-dialog";
import { useLeaseHeartbeat } from "@/components/review/use-lease-heartbeat";
import { useWorkspaceKeys } from "@/components/review/use-workspace-keys";
import type { Reviewer } from "@/lib/review/reviewer";
import type { RejectInput, ReviewQueue } from "@/lib/review/review-types";
import { KIND } from "@/lib/items/item-kinds";

/** The signed-in reviewer's workspace (the page passes who they are; the API knows it from the session). */
export function ReviewWorkspace(props: { reviewer: Reviewer; queue: ReviewQueue; filters: DeckFilters }) {
  return <Workspace key={`${props.queue}:${JSON.stringify(props.filters)}`} {...props} />;
}

function Workspace({
  reviewer,
  queue,
  filters,
}: {
  reviewer: Reviewer;
  queue: ReviewQueue;
  filters: DeckFilters;
}) {
  const skipped = useRef<string[]>([]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set()); // decided or skipped here; the deck may not know yet
  const [history, setHistory] = useState<{ queue: ReviewQueue; id: string }[]>([]);
  const [looking, setLooking] = useState<number | null>(null); // index into history while looking back
  const [mode, setMode] = useState<"view" | "reject" | "edit" | "swap">("view");
  const [showSchema, setShowSchema] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  // a notice about one item (an undo that brought it back) shows only while that item is on screen
  const [notice, setNoticeAbout] = useState<{ text: string; about?: string } | null>(null);
  const setNotice = (text: string | null, about?: string) =>
    setNoticeAbout(text === null ? null : { text, about });

  const pinnedRef = useRef<string | undefined>(undefined); // an undone item: the server puts it first in the deck
  const deck = useQuery({
    ...deckQuery(queue, filters, () => ({ skip: skipped.current, pin: pinnedRef.current })),
    placeholderData: keepPreviousData,
  });
  const counts = useQueueCounts();
  const items = (deck.data?.items ?? []).filter((i) => !hidden.has(i.id));
  const current = items[0];
  useLeaseHeartbeat(
    deck.data?.leaseMs,
    items.map((i) => i.id),
  );
  const lookedAt = looking === null ? null : history[looking];
  const lookBack = useQuery({
    ...itemQuery(lookedAt?.queue ?? queue, lookedAt?.id ?? ""),
    enabled: Boolean(lookedAt),
  });

  const hide = (id: string) => setHidden((h) => new Set(h).add(id));
  const unhide = (id: string) => setHidden((h) => new Set([...h].filter((x) => x !== id)));
  const onActionError = (error: Error, input: { id: string }) => {
    const lost = error instanceof ApiError && error.status === 409;
    if (!lost)
      unhide(input.id); // refused for another reason: the item stays on screen
    else setMode("view"); // the claim is gone: on to the next item
    setHistory((h) => h.filter((x) => x.id !== input.id)); // it was not decided
    setNotice(error.message);
  };
  const action = useReviewAction({ onError: onActionError });
  const edit = useReviewAction({
    onError: (error, input) =>
      error instanceof ApiError && error.status === 409 && onActionError(error, input),
  });
  const release = useReviewAction();
  // decisions whose answer has not come back: an undo waits for them, so it undoes the latest one
  const unsettled = useRef(new Set<Promise<unknown>>());
  const track = (sent: Promise<unknown>) => {
    const settled: Promise<unknown> = sent
      .catch(() => undefined)
      .finally(() => unsettled.current.delete(settled));
    unsettled.current.add(settled);
  };
  const undo = useUndo(
    () => Promise.all([...unsettled.current]),
    ({ queue: q, id, undone }) => {
      unhide(id);
      setHistory((h) => h.filter((x) => x.id !== id));
      setLooking(null);
      setMode("view");
      if (q === queue) pinnedRef.current = id;
      if (q === queue) setNotice(`Undid your ${undone}; the item is back.`, id);
      else setNotice(`Undid your ${undone} in the ${KIND[q].queueLabel} queue.`);
    },
  );

  const decide = (name: "accept" | "reject" | "swap", body?: RejectInput) => {
    if (!current) return;
    setNotice(null);
    setMode("view");
    hide(current.id);
    setHistory((h) => [...h, { queue, id: current.id }]);
    track(action.mutateAsync({ queue, id: current.id, action: name, body }));
  };
  const saveEdit = (change: { sql: string; question?: string }) => {
    if (!current) return;
    const id = current.id;
    track(
      edit.mutateAsync(
        { queue, id, action: "edit", body: change },
        {
          onSuccess: () => {
            hide(id);
            setHistory((h) => [...h, { queue, id }]);
            setMode("view");
            setNotice(null);
          },
        },
      ),
    );
  };
  const run = (name: ShortcutAction) => {
    if (name === "help") return setShowHelp((v) => !v);
    if (name === "schema") return setShowSchema((v) => !v);
    if (name === "undo") return undo.mutate(undefined, { onError: (e) => setNotice(e.message) });
    if (name === "previous")
      return history.length && setLooking((l) => (l === null ? history.length - 1 : Math.max(0, l - 1)));
    if (looking !== null) return name === "next" ? setLooking(null) : undefined;
    if (!current) return;
    if (name === "accept") decide("accept");
    else if (name === "reject") setMode("reject");
    else if (name === "edit") setMode("edit");
    else if (name === "swap" && queue === "pairs") setMode("swap");
    else if (name === "next") {
      skipped.current.push(current.id);
      hide(current.id);
      release.mutate({ queue, id: current.id, action: "release" });
    }
  };
  useWorkspaceKeys({
    enabled: mode === "view" && !showHelp,
    onAction: run,
    onEscape: () => (showHelp ? setShowHelp(false) : setLooking(null)),
  });

  const button = (name: ShortcutAction, label: string, tone = "border-slate-300 bg-white") => (
    <button
      type="button"
      onClick={() => run(name)}
      className={`rounded-md border px-3 py-1.5 text-sm ${tone}`}
    >
      {label}
      <Kbd>{keyOf(name)}</Kbd>
    </button>
  );
  const shown = lookedAt ? lookBack.data?.item : current;
  return (
    <div>
      <ReviewFilters queue={queue} counts={counts.data} />
      <div className="mb-3 flex flex-wrap items-center gap-2" role="toolbar" aria-label="Review actions">
        {button("accept", "Accept", "border-emerald-600 bg-emerald-600 text-white")}
        {button("reject", "Reject", "border-red-300 bg-white text-red-800")}
        {button("edit", "Edit")}
        {queue === "pairs" ? button("swap", "Swap") : null}
        {button("next", "Next")}
        {button("previous", "Previous")}
        {button("undo", "Undo")}
        {button("schema", showSchema ? "Hide schema" : "Schema")}
        {button("help", "Shortcuts")}
        <span className="ml-auto text-xs text-slate-500">
          Reviewing as <span className="font-medium">{reviewer.name}</span>
          {current ? (
            <>
              {" · "}
              <Link className="underline" href={`/review/${queue}/${current.id}`}>
                link to this item
              </Link>
            </>
          ) : null}
        </span>
      </div>
      {notice && (notice.about === undefined || notice.about === shown?.id) ? (
        <p
          role="alert"
          data-testid="review-notice"
          className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {notice.text}
        </p>
      ) : null}
      {deck.error ? (
        <p role="alert" className="text-sm text-red-700">
          {deck.error.message}
        </p>
      ) : null}
      {lookedAt ? (
        <p className="mb-2 text-sm text-slate-700" data-testid="looking-back">
          Looking back at an item you decided ({lookBack.data?.item.status ?? "…"}). <Kbd>N</Kbd> or{" "}
          <Kbd>Esc</Kbd> returns to the queue; <Kbd>U</Kbd> undoes your last action.
        </p>
      ) : null}
      {mode === "reject" && current ? (
        <RejectDialog onCancel={() => setMode("view")} onReject={(input) => decide("reject", input)} />
      ) : null}
      {mode === "swap" && current ? (
        <SwapDialog onCancel={() => setMode("view")} onSwap={() => decide("swap")} />
      ) : null}
      {mode === "edit" && current ? (
        <EditPanel
          key={`edit:${current.id}`}
          item={current}
          saving={edit.isPending}
          error={edit.error}
          onSave={saveEdit}
          onCancel={() => setMode("view")}
        />
      ) : null}
      {shown && showSchema ? (
        <div className="mb-3">
          <SchemaPanel database={shown.database} tables={shown.tables} used={shown.used} />
        </div>
      ) : null}
      {shown ? <ReviewItemCard key={`card:${shown.id}`} item={shown} /> : null}
      {!shown && deck.isPending ? <p className="text-sm text-slate-500">Claiming the next item…</p> : null}
      {!shown && !deck.isPending && !lookedAt ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Nothing left to review in this queue with these filters.
        </p>
      ) : null}
      {showHelp ? <ShortcutsOverlay onClose={() => setShowHelp(false)} /> : null}
    </div>
  );
}
