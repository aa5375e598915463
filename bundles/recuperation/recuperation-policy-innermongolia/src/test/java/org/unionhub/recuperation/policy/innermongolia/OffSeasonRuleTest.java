package org.unionhub.recuperation.policy.innermongolia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.api.OrgKind;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.SubsidyDecision;

class OffSeasonRuleTest {

    @ParameterizedTest(name = "{0} + {1} days, union-owned {2}, {3}, own staff {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | days | unionOwned | organiser  | ownStaff | amount  | reason contains
            2027-03-10 | 3    | true       | DISTRICT   | true     | 600.00  | 3 × 200.00
            2026-11-01 | 3    | true       | DISTRICT   | true     | 600.00  | 淡季在工会疗养院
            2026-10-31 | 3    | true       | DISTRICT   | true     | 0.00    | 2026-10-31 在淡季之外
            2026-10-30 | 2    | true       | DISTRICT   | true     | 0.00    | 不全在淡季
            2027-05-30 | 2    | true       | DISTRICT   | true     | 400.00  | 淡季在工会疗养院
            2027-05-31 | 2    | true       | DISTRICT   | true     | 0.00    | 2027-06-01 在淡季之外
            2027-06-01 | 3    | true       | DISTRICT   | true     | 0.00    | 2027-06-01 在淡季之外
            2027-05-29 | 5    | true       | DISTRICT   | true     | 0.00    | 2027-06-01 在淡季之外
            2026-12-30 | 4    | true       | DISTRICT   | true     | 800.00  | across the new year
            2027-01-10 | 1    | true       | DISTRICT   | true     | 0.00    | 疗休养 1 天，不在 2–6 天之内
            2027-01-10 | 2    | true       | DISTRICT   | true     | 400.00  | 2 × 200.00
            2027-01-10 | 6    | true       | DISTRICT   | true     | 1200.00 | 6 × 200.00
            2027-01-10 | 7    | true       | DISTRICT   | true     | 0.00    | 疗休养 7 天，不在 2–6 天之内
            2027-01-10 | 3    | false      | DISTRICT   | true     | 0.00    | 不属于工会
            2027-01-10 | 3    | true       | COUNTY     | false    | 600.00  | 3 × 200.00
            2027-01-10 | 3    | true       | CITY       | false    | 600.00  | 3 × 200.00
            # 不含自治区总工会本级组织的示范性职工疗休养活动: the region's own trips are excluded
            2027-01-10 | 3    | true       | FEDERATION | false    | 0.00    | 不含自治区总工会本级组织
            2027-01-10 | 3    | true       | FEDERATION | true     | 0.00    | 不含自治区总工会本级组织
            2027-01-10 | 3    | true       | GRASSROOTS | true     | 600.00  | 3 × 200.00
            2027-01-10 | 3    | true       | GRASSROOTS | false    | 0.00    | 只补贴本单位职工
            2027-01-10 | 3    | true       | INDUSTRY   | false    | 0.00    | 只补贴本单位职工
            """)
    void edgeCases(LocalDate start, int days, boolean unionOwned, OrgKind organiser, boolean ownStaff, BigDecimal amount,
            String reason) {
        SubsidyDecision d = OffSeasonRule.DEFAULT.decide(quote(start, days, unionOwned, organiser, ownStaff, "260.00"));
        assertEquals(1, d.members().size());
        assertEquals(amount, d.members().get(0).amount());
        if (!reason.equals("across the new year")) {
            assertTrue(d.members().get(0).reason().contains(reason), d.members().get(0).reason());
        }
        assertTrue(d.budgets().isEmpty(), "the off-season rule draws on no budget");
    }

    @Test
    void neverMoreThanTheStayCosts() {
        SubsidyDecision d = OffSeasonRule.DEFAULT.decide(quote(LocalDate.of(2027, 2, 1), 3, true, OrgKind.CITY, true, "150.00"));
        assertEquals(new BigDecimal("450.00"), d.members().get(0).amount());
    }

    @Test
    void aMixedGrassrootsBookingPaysOnlyItsOwnStaff() {
        BookingQuote q = new BookingQuote(LocalDate.of(2027, 2, 1), 3, new BigDecimal("300.00"), 1, "内蒙古", true, 4,
                OrgKind.GRASSROOTS, List.of(new BookingQuote.Member(1, 4, null, true), new BookingQuote.Member(9, 6, null, false)));
        SubsidyDecision d = OffSeasonRule.DEFAULT.decide(q);
        assertEquals(new BigDecimal("600.00"), d.members().get(0).amount());
        assertEquals(new BigDecimal("0.00"), d.members().get(1).amount());
    }

    @Test
    void settingsChangeTheRule() {
        OffSeasonRule summer = new OffSeasonRule(new BigDecimal("150"), MonthDay.of(6, 1), MonthDay.of(8, 31), 1, 10);
        SubsidyDecision d = summer.decide(quote(LocalDate.of(2027, 7, 1), 1, true, OrgKind.CITY, true, "500.00"));
        assertEquals(new BigDecimal("150.00"), d.members().get(0).amount());
        assertEquals(new BigDecimal("0.00"),
                summer.decide(quote(LocalDate.of(2027, 3, 1), 2, true, OrgKind.CITY, true, "500.00")).members().get(0).amount());
        assertThrows(IllegalArgumentException.class, () -> new OffSeasonRule(BigDecimal.TEN, MonthDay.of(1, 1), MonthDay.of(2, 1), 5, 4));
    }

    private static BookingQuote quote(LocalDate start, int days, boolean unionOwned, OrgKind organiser, boolean ownStaff,
            String price) {
        return new BookingQuote(start, days, new BigDecimal(price), 1, "内蒙古", unionOwned, 4, organiser,
                List.of(new BookingQuote.Member(1, ownStaff ? 4 : 6, null, ownStaff)));
    }

    /** "在内蒙古工人疗养院、内蒙古工人包头疗养院开展的…": only the region's named union sanatoriums qualify. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # sanatorium           | amount | reason contains
            内蒙古工人疗养院        | 600.00 | 3 × 200.00
            内蒙古工人包头疗养院    | 600.00 | 3 × 200.00
            呼伦贝尔职工疗养院      | 0.00   | 不在本地区补贴的疗养院之列
            """)
    void onlyTheRegionsNamedSanatoriumsQualify(String sanatorium, String amount, String reason) {
        OffSeasonRule named = new OffSeasonRule(new BigDecimal("200"), MonthDay.of(11, 1), MonthDay.of(5, 31), 2, 6, OffSeasonRule.NAMED);
        BookingQuote q = new BookingQuote(LocalDate.of(2027, 3, 10), 3, new BigDecimal("260.00"), 1, "内蒙古", true, 4, OrgKind.DISTRICT,
                List.of(new BookingQuote.Member(1, 4, null, true)), sanatorium);
        SubsidyDecision d = named.decide(q);
        assertEquals(new BigDecimal(amount), d.members().get(0).amount());
        assertTrue(d.members().get(0).reason().contains(reason), d.members().get(0).reason());
    }

    @Test
    void aQuoteWithoutTheSanatoriumsNameDoesNotQualifyUnderANamedList() {
        OffSeasonRule named = new OffSeasonRule(new BigDecimal("200"), MonthDay.of(11, 1), MonthDay.of(5, 31), 2, 6, OffSeasonRule.NAMED);
        assertEquals(new BigDecimal("0.00"), named.decide(quote(LocalDate.of(2027, 3, 10), 3, true, OrgKind.CITY, true, "300.00"))
                .members().get(0).amount());
        assertEquals(Set.of("内蒙古工人疗养院", "内蒙古工人包头疗养院"), OffSeasonPolicy.names(" 内蒙古工人疗养院，内蒙古工人包头疗养院 ,"));
    }
}
