import { describe, expect, it } from "vitest";
import { irrShown } from "./irr-shown";

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

describe("irrShown", () => {
  it("shows a rate up to 1,000 % as it is and a larger one as above 1,000 %", () => {
    expect(irrShown(0.153, percent)).toBe("15.3 %");
    expect(irrShown(-0.2, percent)).toBe("-20.0 %");
    expect(irrShown(10, percent)).toBe("1000.0 %");
    expect(irrShown(48_831.46, percent)).toBe("> 1000.0 %");
  });
});
