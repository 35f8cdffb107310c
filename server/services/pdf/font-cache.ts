// react-pdf hands pdfkit the font *object* for every run of text it draws. pdfkit caches fonts by
// name only, so each run embeds the font anew and then compares it with the one it already has by
// JSON-stringifying both fonts' name tables; Noto Sans SC's is large, and that comparison was a
// tenth of rendering a long invoice. Here each document remembers the embedded font it made for a
// font object, so later runs in that font cost a lookup. The document still embeds one font (one
// subset) per font, as pdfkit ends up with anyway.
//
// Painted text (a template's react-pdf Canvas) selects fonts by name; `nameFont` binds a name to
// the font object react-pdf's text uses, so painted and laid-out text share one embedded subset.
//
// pdfkit is imported at run time, unbundled, so this patches the very module @react-pdf/renderer
// (an external package of the server build) imports.

type FontMethod = (this: PdfDocument, src: unknown, family?: unknown, size?: unknown) => PdfDocument;

interface PdfDocument {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
  fontSize(size: unknown): PdfDocument;
}

const embeddedByDocument = new WeakMap<PdfDocument, Map<object, unknown>>();
const named = new Map<string, object>();

export function nameFont(name: string, font: object): void {
  named.set(name, font);
}
let installing: Promise<void> | null = null;

function cachingFont(original: FontMethod): FontMethod {
  return function font(this: PdfDocument, src, family, size) {
    if (typeof src === "string" && named.has(src)) src = named.get(src);
    if (src === null || typeof src !== "object") return original.call(this, src, family, size);
    let embedded = embeddedByDocument.get(this);
    if (!embedded) {
      embedded = new Map();
      embeddedByDocument.set(this, embedded);
    }
    const known = embedded.get(src);
    if (known === undefined) {
      original.call(this, src, family, size);
      embedded.set(src, this._font);
      return this;
    }
    this._font = known;
    this._fontSource = src;
    this._fontFamily = typeof family === "number" ? null : (family ?? null);
    const fontSize = typeof family === "number" ? family : size;
    if (fontSize != null) this.fontSize(fontSize);
    return this;
  };
}

export function cacheEmbeddedFonts(): Promise<void> {
  installing ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "pdfkit").then(
    (module: { default: { prototype: { font: FontMethod } } }) => {
      const prototype = module.default.prototype;
      prototype.font = cachingFont(prototype.font);
    },
  );
  return installing;
}
