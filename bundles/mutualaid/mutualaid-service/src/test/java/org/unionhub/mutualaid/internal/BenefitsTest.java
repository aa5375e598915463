package org.unionhub.mutualaid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.api.FieldError;
import org.unionhub.api.Validation;

/**
 * Fixed sums (慰问金) are paid "on diagnosis, death or disability for major-illness and accident plans", beside the
 * hospital-expense bands; each case names the fields it expects refused.
 */
class BenefitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | kind          | sums                      | refused fields
            no fixed sums on an inpatient plan      | INPATIENT     |                           |
            a major-illness plan pays on diagnosis  | MAJOR_ILLNESS | DIAGNOSIS:10000           |
            an accident plan pays on death          | ACCIDENT      | DEATH:50000 DISABILITY:20000 |
            an inpatient plan pays by bands only    | INPATIENT     | DEATH:50000               | fixedSums
            a stay is never a fixed sum             | ACCIDENT      | HOSPITAL_STAY:1000        | fixedSums[0].event
            an event named twice                    | ACCIDENT      | DEATH:50000 DEATH:40000   | fixedSums[1].event
            a sum of nothing                        | MAJOR_ILLNESS | DIAGNOSIS:0               | fixedSums[0].amount
            a sum with fen fractions                | MAJOR_ILLNESS | DIAGNOSIS:100.001         | fixedSums[0].amount
            """)
    void checks(String name, PlanKind kind, String sums, String refused) {
        List<FixedSum> list = new ArrayList<>();
        if (sums != null) {
            for (String s : sums.trim().split("\\s+")) {
                String[] p = s.split(":");
                list.add(new FixedSum(ClaimEvent.valueOf(p[0]), new BigDecimal(p[1])));
            }
        }
        Validation v = new Validation();
        Benefits.check(v, kind, new PlanRules(null, new BigDecimal("30"), null, 0, BigDecimal.ZERO,
                List.of(new Band(null, BigDecimal.ONE)), new BigDecimal("60000"), new BigDecimal("100000"), list, null));
        String fields = v.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(" "));
        assertEquals(refused == null ? "" : refused.trim(), fields, v.errors().toString());
    }
}
