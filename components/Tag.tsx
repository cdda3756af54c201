export type TagColour = "blue" | "red" | "yellow" | "green" | "grey";
/** Colour is never the only signal: the text says it too. */
export function Tag({ children, colour = "blue" }: { children: React.ReactNode; colour?: TagColour }) {
  return <strong className={`tag${colour === "blue" ? "" : ` tag--${colour}`}`}>{children}</strong>;
}
