// Tailwind CSS 4 runs as a single PostCSS plugin; it finds class names in src/ by itself.
export default {
  plugins: { "@tailwindcss/postcss": {} },
};
