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

/** Benefit rules are data and are checked like data; each case names the fields it expects to be refused. */
class RulesCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                         | bands                      | capPerClaim | capPerPeriod | refused fields
            the Guizhou rules              | 50000:0.5 :0.6             | 60000       | 100000       |
            one open band of 100 %         | :1                         | 60000       | 100000       |
            a ratio above 1                | 50000:1.5 :0.6             | 60000       | 100000       | bands[0].ratio
            a ratio of 0                   | 50000:0 :0.6               | 60000       | 100000       | bands[0].ratio
            five decimals in a ratio       | :0.12345                   | 60000       | 100000       | bands[0].ratio
            bands not ascending            | 50000:0.5 40000:0.6        | 60000       | 100000       | bands[1].upTo
            equal band limits              | 50000:0.5 50000:0.6 :0.7   | 60000       | 100000       | bands[1].upTo
            an open band before the last   | :0.5 40000:0.6             | 60000       | 100000       | bands[0].upTo
            a zero cap                     | :0.5                       | 0           | 100000       | capPerClaim
            claim cap above period cap     | :0.5                       | 200000      | 100000       | capPerClaim
            an amount too large for DB     | :0.5                       | 60000       | 1000000000000 | capPerPeriod
            """)
    void checks(String name, String bands, String capPerClaim, String capPerPeriod, String refused) {
        List<Band> list = new ArrayList<>();
        for (String b : bands.trim().split("\\s+")) {
            String[] p = b.split(":");
            list.add(new Band(p[0].isEmpty() ? null : new BigDecimal(p[0]), new BigDecimal(p[1])));
        }
        Validation v = new Validation();
        RulesCheck.check(v, new PlanRules(null, new BigDecimal("30"), null, 90, new BigDecimal("1000"), list,
                new BigDecimal(capPerClaim), new BigDecimal(capPerPeriod), null, null));
        String fields = v.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(" "));
        assertEquals(refused == null ? "" : refused.trim(), fields,
                v.errors().toString());
    }
}
