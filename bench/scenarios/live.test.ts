/** The memory figure's slope: least squares, by hand-computed examples. */
import { describe, expect, it } from "vitest";
import { slope } from "./live";

describe("slope", () => {
  it("is the line's slope through exact points, and the least-squares one through noisy ones", () => {
    expect(
      slope([
        [0, 100],
        [250, 105],
        [500, 110],
        [1000, 120],
      ]),
    ).toBeCloseTo(0.02, 10);
    // x = 0, 1, 2; y = 0, 2, 1: mean (1, 1), covariance 1, variance 2.
    expect(
      slope([
        [0, 0],
        [1, 2],
        [2, 1],
      ]),
    ).toBeCloseTo(0.5, 10);
  });

  it("is 0 when every point has the same count (nothing to fit)", () => {
    expect(
      slope([
        [5, 1],
        [5, 9],
      ]),
    ).toBe(0);
  });
});
