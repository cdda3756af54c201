// Tailwind CSS 4 reads its theme from app/globals.css (`@theme`); this file is kept for editors and
// for the product card's layout. The GOV.UK-like tokens live in globals.css.
const config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
};
export default config;
