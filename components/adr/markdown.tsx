import ReactMarkdown, { type Components } from "react-markdown";

// ADR text fields are Markdown. react-markdown builds React elements from the syntax tree, so raw
// HTML in the text is shown as text (no rehype-raw), and its default URL transform drops
// javascript: and other unsafe link targets. Images are not loaded from an ADR's text.

const components: Components = {
  p: ({ children }) => <p className="my-1.5">{children}</p>,
  ul: ({ children }) => <ul className="my-1.5 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-1.5 list-decimal pl-5">{children}</ol>,
  a: ({ children, href }) =>
    href ? (
      <a href={href} className="text-teal-800 underline" rel="noopener noreferrer nofollow" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">{children}</code>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs">{children}</pre>,
  h1: ({ children }) => <p className="mt-2 font-semibold">{children}</p>,
  h2: ({ children }) => <p className="mt-2 font-semibold">{children}</p>,
  h3: ({ children }) => <p className="mt-2 font-semibold">{children}</p>,
  blockquote: ({ children }) => (
    <blockquote className="my-1.5 border-l-2 border-slate-300 pl-3 text-slate-600">{children}</blockquote>
  ),
  img: ({ alt }) => <span>{alt}</span>,
};

export function Markdown({ text }: { text: string }) {
  return (
    <div className="text-sm text-slate-800" data-markdown>
      <ReactMarkdown components={components}>{text}</ReactMarkdown>
    </div>
  );
}
