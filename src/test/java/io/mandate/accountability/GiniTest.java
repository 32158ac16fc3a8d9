package io.mandate.accountability;

import org.junit.Test;

import java.util.List;
import java.util.Random;

import static org.junit.Assert.assertEquals;

/** The Gini of the product brief, by hand on small loads and against the literal double sum on random ones. */
public class GiniTest {

    private static final double EXACT = 1e-12;

    @Test
    public void nobodyIsZero() {
        // n = 0: 0 by definition
        assertEquals(0.0, Gini.of().value(), 0.0);
    }

    @Test
    public void allLoadsZeroIsZero() {
        // mean 0: 0 by definition (the formula would divide by 0)
        assertEquals(0.0, Gini.of(0, 0, 0).value(), 0.0);
    }

    @Test
    public void onePersonIsZero() {
        // one value: |x1 − x1| = 0
        assertEquals(0.0, Gini.of(5).value(), 0.0);
    }

    @Test
    public void equalLoadsAreZero() {
        assertEquals(0.0, Gini.of(2, 2, 2, 2).value(), 0.0);
    }

    @Test
    public void onePersonCarryingAllIsNMinusOneOverN() {
        // x = 0,0,0,4: each of the 3 zeros differs by 4 from the 4, in both orders: ΣΣ = 3·2·4 = 24;
        // n = 4, mean = 1: G = 24 / (2·16·1) = 0.75 = (n − 1)/n
        Gini g = Gini.of(0, 4, 0, 0);
        assertEquals(24, g.sumOfAbsoluteDifferences());
        assertEquals(0.75, g.value(), EXACT);
    }

    @Test
    public void oneTwoThreeIsTwoNinths() {
        // |1−2| + |1−3| + |2−3| = 1 + 2 + 1 = 4 per order, ΣΣ = 8; n = 3, mean = 2: G = 8 / (2·9·2) = 2/9
        // sorted formula: 2·((2·1−4)·1 + (2·2−4)·2 + (2·3−4)·3) = 2·(−2 + 0 + 6) = 8
        Gini g = Gini.of(3, 1, 2);
        assertEquals(8, g.sumOfAbsoluteDifferences());
        assertEquals(3, g.n());
        assertEquals(6, g.total());
        assertEquals(2.0 / 9, g.value(), EXACT);
        assertEquals(7.0 / 9, g.distributionIndex(), EXACT);
    }

    @Test
    public void aCollectionOfLoadsIsTheSame() {
        assertEquals(Gini.of(3, 1, 2), Gini.of(List.of(3L, 1L, 2L)));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aNegativeLoadIsRefused() {
        Gini.of(1, -1);
    }

    @Test
    public void theSortedFormulaEqualsTheDoubleSumOnRandomLoads() {
        Random random = new Random(20261202L);
        for (int run = 0; run < 2000; run++) {
            int n = random.nextInt(60);
            long[] x = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(run % 2 == 0 ? 5 : 100_000);
            }
            long doubleSum = 0;
            long total = 0;
            for (long xi : x) {
                total += xi;
                for (long xj : x) {
                    doubleSum += Math.abs(xi - xj);
                }
            }
            Gini g = Gini.of(x);
            assertEquals("ΣΣ|xi − xj| of run " + run, doubleSum, g.sumOfAbsoluteDifferences());
            double literal = n == 0 || total == 0 ? 0.0 : doubleSum / (2.0 * n * n * ((double) total / n));
            assertEquals("G of run " + run, literal, g.value(), EXACT);
        }
    }
}
