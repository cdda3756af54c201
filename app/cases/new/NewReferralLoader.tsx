"use client";
import dynamic from "next/dynamic";

/**
 * The form runs in the browser only: it starts from the draft saved on this device, which the
 * server cannot see (rendering it on the server would show an empty form, then jump).
 */
export const NewReferralLoader = dynamic(() => import("./NewReferralForm").then((m) => m.NewReferralForm), {
  ssr: false,
  loading: () => (
    <p className="body" role="status">
      Loading the referral form…
    </p>
  ),
});
