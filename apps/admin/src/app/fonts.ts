import localFont from "next/font/local";

/** Inter, served from our own build (no font CDN: the app must work offline and leak no visits). */
export const inter = localFont({
  src: [
    { path: "../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" },
    { path: "../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-italic.woff2", style: "italic" },
  ],
  weight: "100 900",
  display: "swap",
  variable: "--font-inter",
});
