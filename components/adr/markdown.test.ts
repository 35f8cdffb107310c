import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("ADR markdown", () => {
  it("formats Markdown", () => {
    expect(html("**start-up** < 50 ms\n\n* one\n* two")).toContain("<strong>start-up</strong> &lt; 50 ms");
    expect(html("* one\n* two")).toMatch(/<ul[^>]*>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  });

  it("shows HTML as text and drops unsafe link targets and images", () => {
    const block = html('<script>alert(1)</script>\n\nText with <img src=x onerror="alert(1)"> inline');
    expect(block).not.toContain("<script");
    expect(block).not.toContain("<img");
    expect(block).toContain("&lt;script&gt;");
    const link = html("[x](javascript:alert(1)) and ![p](https://tracker.example/p.png)");
    expect(link).not.toContain("<a");
    expect(link).not.toContain("tracker.example");
    expect(link).toContain("<span>p</span>");
  });
});
