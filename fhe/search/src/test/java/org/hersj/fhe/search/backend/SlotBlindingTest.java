package org.hersj.fhe.search.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.junit.jupiter.api.Test;

class SlotBlindingTest {

  @Test
  void boundFollowsThePrimesLeftAtTheLevel() {
    CkksParameters params = CkksPresets.byName("SEARCH_N4096");
    // q_0 of 46 bits, scale 2^38: 2^44 / 16 * sqrt(3) * sqrt(2048) / 2^38, the ~310 of the class comment
    double b = SlotBlinding.uniformBound(params.ringDegree(), params::qModulus, 1, Math.scalb(1.0, 38));
    assertEquals(4 * Math.sqrt(3) * Math.sqrt(2048), b, 1e-9);
    double two = SlotBlinding.uniformBound(params.ringDegree(), params::qModulus, 2, Math.scalb(1.0, 38));
    assertTrue(two > b * 1e10, "a second prime of 38 bits raises B by about 2^38: " + two + " vs " + b);
  }

  @Test
  void fillLeavesScoreSlotsAndBlindsTheRest() {
    int slots = 16;
    int period = 4;
    double bound = 310;
    SplittableRandom random = new SplittableRandom(5);
    for (int parts = 1; parts <= 2; parts++) {
      double[] values = new double[parts * slots];
      java.util.Arrays.fill(values, Double.NaN);
      SlotBlinding.fill(values, slots, period, bound, random::nextDouble);
      for (int i = 0; i < values.length; i++) {
        if (i % slots % period == 0) {
          assertEquals(0.0, values[i], "score slot " + i);
        } else {
          assertTrue(values[i] != 0 && Math.abs(values[i]) <= bound, "slot " + i + ": " + values[i]);
        }
      }
    }
  }

  @Test
  void fillDrawsRealThenImaginaryPerSlot() {
    int[] draws = {0};
    double[] values = new double[4];
    SlotBlinding.fill(values, 2, 2, 1, () -> ++draws[0] / 8.0);
    // slot 1: real part from draw 1 (1/8), imaginary part from draw 2 (2/8), mapped by 2u - 1
    assertEquals(-0.75, values[1]);
    assertEquals(-0.5, values[3]);
    assertEquals(2, draws[0]);
  }

  @Test
  void fillRejectsAPeriodThatDoesNotDivideTheSlots() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SlotBlinding.fill(new double[12], 12, 5, 1, Math::random));
    assertTrue(e.getMessage().contains("score period 5 must divide the 12 slots"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SlotBlinding.fill(new double[12], 12, 0, 1, Math::random));
    assertThrows(IllegalArgumentException.class, () -> SlotBlinding.fill(new double[5], 4, 2, 1, Math::random));
  }
}
