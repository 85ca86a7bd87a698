"use client";

import { useEffect, useRef } from "react";
import { SHORTCUTS, type ShortcutAction } from "@/components/review/shortcuts";

/** The workspace's single-key shortcuts, off while typing in a field or while a dialog has the keys. */
export function useWorkspaceKeys({
  enabled,
  onAction,
  onEscape,
}: {
  enabled: boolean;
  onAction: (action: ShortcutAction) => void;
  onEscape: () => void;
}) {
  const latest = useRef({ enabled, onAction, onEscape });
  useEffect(() => {
    latest.current = { enabled, onAction, onEscape };
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)))
        return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return; // a held key decides nothing unseen
      if (e.key === "Escape") return latest.current.onEscape();
      if (!latest.current.enabled && e.key !== "?") return;
      const shortcut = SHORTCUTS.find((s) => s.key === e.key.toLowerCase() || s.key === e.key);
      if (!shortcut) return;
      e.preventDefault();
      latest.current.onAction(shortcut.action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
