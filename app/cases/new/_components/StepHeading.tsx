"use client";
/**
 * The page's heading, which takes focus when the page was reached inside the app (a step posted
 * with JavaScript), so a screen reader starts at the new step rather than the old button. On a full
 * page load (no JavaScript, a reload) the browser's own start is kept. An element named in the
 * address's #fragment (a row just added) takes focus instead, and an error summary (which focuses
 * itself) wins over both.
 */
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/** `revision`: the saved answers' revision; when it changes (the same page posted again), focus is placed again. */
export function StepHeading({ children, revision }: { children: ReactNode; revision?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // false while hydrating server HTML (a full page load), true when rendered after a navigation.
  const navigated = useRef(useSyncExternalStore(subscribe, () => true, () => false));
  const first = useRef(true);
  useEffect(() => {
    const again = !first.current;
    first.current = false;
    if (document.querySelector("[data-testid=error-summary]")) return;
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (target) target.focus();
    else if (navigated.current || again) ref.current?.focus();
  }, [revision]);
  return (
    <h1 className="h-l" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
