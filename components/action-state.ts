/** Client-safe copy of the idle action state (app/_server/action.ts is server-only). */
export const IDLE_STATE = { status: "idle" } as const satisfies { status: "idle" };
