package org.unionhub.mutualaid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payout rule on a table of cases; amounts are compared as strings so that the scale counts too. */
class PayoutCalculatorTest {

    /** Guizhou-style: deductible 1,000; 50 % of the covered amount up to 50,000, 60 % above; caps 60,000 / 100,000. */
    private static final PayoutCalculator.Rules GUIZHOU = rules("1000", "60000", "100000", "50000:0.5", ":0.6");
    /** Three bands with awkward ratios, to see rounding at the end of each band step. */
    private static final PayoutCalculator.Rules THREE = rules("0", "999999", "999999", "10000:0.333", "20000:0.5",
            ":0.9");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                        | plan    | selfPaid   | before   | covered    | byBands    | payout   | limitedBy
            typical Guizhou case hits the per-claim cap   | GUIZHOU | 200000.00  | 0        | 199000.00  | 114400.00  | 60000.00 | CAP_PER_CLAIM
            per-period cap after an earlier claim         | GUIZHOU | 200000.00  | 60000.00 | 199000.00  | 114400.00  | 40000.00 | CAP_PER_PERIOD
            period cap already used up                    | GUIZHOU | 50000.00   | 100000   | 49000.00   | 24500.00   | 0.00     | CAP_PER_PERIOD
            below the deductible pays nothing             | GUIZHOU | 999.99     | 0        | 0.00       | 0.00       | 0.00     | DEDUCTIBLE
            exactly the deductible pays nothing           | GUIZHOU | 1000.00    | 0        | 0.00       | 0.00       | 0.00     | DEDUCTIBLE
            one fen above the deductible                  | GUIZHOU | 1000.01    | 0        | 0.01       | 0.01       | 0.01     | BANDS
            exactly at the first band boundary            | GUIZHOU | 51000.00   | 0        | 50000.00   | 25000.00   | 25000.00 | BANDS
            one fen into the second band                  | GUIZHOU | 51000.01   | 0        | 50000.01   | 25000.01   | 25000.01 | BANDS
            second band below the claim cap               | GUIZHOU | 101000.00  | 0        | 100000.00  | 55000.00   | 55000.00 | BANDS
            where the claim cap starts to bind            | GUIZHOU | 109333.34  | 0        | 108333.34  | 60000.00   | 60000.00 | BANDS
            rounding half up in each band step            | THREE   | 30000.01   | 0        | 30000.01   | 17330.01   | 17330.01 | BANDS
            first band rounds 0.0333 down                 | THREE   | 0.10       | 0        | 0.10       | 0.03       | 0.03     | BANDS
            first band rounds 49.99995 up                 | THREE   | 150.15     | 0        | 150.15     | 50.00      | 50.00    | BANDS
            zero self-paid                                | THREE   | 0.00       | 0        | 0.00       | 0.00       | 0.00     | DEDUCTIBLE
            """)
    void computes(String name, String plan, String selfPaid, String before, String covered, String byBands, String payout,
            String limitedBy) {
        Breakdown b = PayoutCalculator.compute("GUIZHOU".equals(plan) ? GUIZHOU : THREE, new BigDecimal(selfPaid),
                new BigDecimal(before));
        assertEquals(covered, b.covered().toPlainString(), "covered");
        assertEquals(byBands, b.byBands().toPlainString(), "by bands");
        assertEquals(payout, b.payout().toPlainString(), "payout");
        assertEquals(limitedBy, b.limitedBy(), "limited by");
    }

    @ParameterizedTest
    @CsvSource({"200000.00, 60000.00", "200000, 60000.00"})
    void theTypicalCaseIsExactlySixtyThousand(String selfPaid, String expected) {
        Breakdown b = PayoutCalculator.compute(GUIZHOU, new BigDecimal(selfPaid), BigDecimal.ZERO);
        assertEquals(new BigDecimal(expected), b.payout());
        assertEquals(2, b.payout().scale());
        assertEquals("25000.00", b.bands().get(0).amount().toPlainString());
        assertEquals("89400.00", b.bands().get(1).amount().toPlainString());
        assertEquals("100000.00", b.periodRemaining().toPlainString());
    }

    @ParameterizedTest
    @CsvSource({"30000.01, 3330.00, 5000.00, 10000.01, 9000.01"})
    void eachBandStepIsRoundedOnItsOwn(String selfPaid, String first, String second, String thirdBase, String third) {
        // 10,000 × 0.333 = 3,330.00; 10,000 × 0.5 = 5,000.00; 10,000.01 × 0.9 = 9,000.009 → 9,000.01
        Breakdown b = PayoutCalculator.compute(THREE, new BigDecimal(selfPaid), BigDecimal.ZERO);
        assertEquals(first, b.bands().get(0).amount().toPlainString());
        assertEquals(second, b.bands().get(1).amount().toPlainString());
        assertEquals(thirdBase, b.bands().get(2).base().toPlainString());
        assertEquals(third, b.bands().get(2).amount().toPlainString());
    }

    private static PayoutCalculator.Rules rules(String deductible, String capPerClaim, String capPerPeriod, String... bands) {
        List<Band> list = Arrays.stream(bands).map(s -> {
            String[] p = s.split(":");
            return new Band(p[0].isEmpty() ? null : new BigDecimal(p[0]), new BigDecimal(p[1]));
        }).toList();
        return new PayoutCalculator.Rules(1, new BigDecimal(deductible), list, new BigDecimal(capPerClaim),
                new BigDecimal(capPerPeriod));
    }
}
