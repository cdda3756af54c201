"use client";

/** Data this app kept in the browser (referral drafts of older versions; drafts are now on the server) is removed on sign-out. */
const LOCAL_PREFIX = "send-mediation:";

function clearLocalData() {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i)).filter((k): k is string => !!k?.startsWith(LOCAL_PREFIX));
    for (const k of keys) window.localStorage.removeItem(k);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/** A form, not a script: signing out works without JavaScript and ends the session on the server (app/sign-out). */
export function SignOutButton() {
  return (
    <form method="post" action="/sign-out" onSubmit={clearLocalData} className="inline-form">
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
