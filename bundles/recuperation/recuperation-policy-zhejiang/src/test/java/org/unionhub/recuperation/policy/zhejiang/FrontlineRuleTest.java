package org.unionhub.recuperation.policy.zhejiang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.api.OrgKind;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;

class FrontlineRuleTest {

    @ParameterizedTest(name = "{0} + {1} days, {2}, union-owned {3}, {4}, own staff {5} -> {6} from {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # start    | days | category          | unionOwned | organiser  | ownStaff | amount  | budget
            2027-03-10 | 3    | PRIVATE_FRONTLINE | true       | DISTRICT   | true     | 900.00  | zhejiang-frontline/2027/reserved
            2027-03-10 | 3    | NEW_FORM          | true       | DISTRICT   | true     | 900.00  | zhejiang-frontline/2027/reserved
            2027-03-10 | 3    | FRONTLINE         | true       | DISTRICT   | true     | 900.00  | zhejiang-frontline/2027/general
            2027-03-10 | 3    | MODEL_WORKER      | true       | DISTRICT   | true     | 0.00    | -
            2027-03-10 | 3    | -                 | true       | DISTRICT   | true     | 0.00    | -
            2026-10-31 | 3    | FRONTLINE         | true       | DISTRICT   | true     | 900.00  | zhejiang-frontline/2026/general
            2026-11-01 | 3    | FRONTLINE         | true       | DISTRICT   | true     | 900.00  | zhejiang-frontline/2026/general
            2027-05-31 | 2    | NEW_FORM          | true       | DISTRICT   | true     | 600.00  | zhejiang-frontline/2027/reserved
            2027-06-01 | 2    | NEW_FORM          | true       | DISTRICT   | true     | 600.00  | zhejiang-frontline/2027/reserved
            2027-01-10 | 1    | NEW_FORM          | true       | DISTRICT   | true     | 300.00  | zhejiang-frontline/2027/reserved
            2027-01-10 | 2    | NEW_FORM          | true       | DISTRICT   | true     | 600.00  | zhejiang-frontline/2027/reserved
            2027-01-10 | 6    | NEW_FORM          | true       | DISTRICT   | true     | 1800.00 | zhejiang-frontline/2027/reserved
            2027-01-10 | 7    | NEW_FORM          | true       | DISTRICT   | true     | 2100.00 | zhejiang-frontline/2027/reserved
            2026-12-30 | 4    | FRONTLINE         | true       | DISTRICT   | true     | 1200.00 | zhejiang-frontline/2026/general
            2027-01-10 | 3    | FRONTLINE         | false      | DISTRICT   | true     | 900.00  | zhejiang-frontline/2027/general
            2027-01-10 | 3    | PRIVATE_FRONTLINE | true       | GRASSROOTS | false    | 900.00  | zhejiang-frontline/2027/reserved
            """)
    void edgeCases(LocalDate start, int days, Category category, boolean unionOwned, OrgKind organiser, boolean ownStaff,
            BigDecimal amount, String budget) {
        BookingQuote q = new BookingQuote(start, days, new BigDecimal("300.00"), 1, "浙江", unionOwned, 4, organiser,
                List.of(new BookingQuote.Member(1, ownStaff ? 4 : 6, category, ownStaff)));
        SubsidyDecision d = FrontlineRule.DEFAULT.decide(q);
        MemberSubsidy m = d.members().get(0);
        assertEquals(amount, m.amount());
        assertEquals(budget, m.budget());
        assertTrue(m.reason() != null && !m.reason().isBlank());
        if (budget == null) {
            assertTrue(d.budgets().isEmpty());
            assertTrue(m.reason().startsWith("不予补贴"), m.reason());
        } else {
            assertEquals(budget, d.budgets().get(0).key());
            assertTrue(m.reason().contains("免费疗休养"), m.reason());
        }
    }

    @Test
    void theReservedShareSplitsTheBudget() {
        FrontlineRule r = new FrontlineRule(new BigDecimal("20000000"), new BigDecimal("0.5"));
        assertEquals(new BigDecimal("10000000.00"), r.reservedBudget());
        assertEquals(new BigDecimal("10000000.00"), r.generalBudget());
        FrontlineRule third = new FrontlineRule(new BigDecimal("1000.00"), new BigDecimal("0.333"));
        assertEquals(new BigDecimal("333.00"), third.reservedBudget());
        assertEquals(new BigDecimal("667.00"), third.generalBudget());
        assertThrows(IllegalArgumentException.class, () -> new FrontlineRule(BigDecimal.TEN, new BigDecimal("1.5")));
    }

    @Test
    void aMixedBookingNamesEachBudgetOnce() {
        BookingQuote q = new BookingQuote(LocalDate.of(2027, 4, 1), 2, new BigDecimal("250.00"), 1, "浙江", true, 2,
                OrgKind.DISTRICT, List.of(new BookingQuote.Member(1, 4, Category.FRONTLINE, true),
                        new BookingQuote.Member(2, 4, Category.PRIVATE_FRONTLINE, true),
                        new BookingQuote.Member(3, 5, Category.NEW_FORM, true), new BookingQuote.Member(4, 5, null, true)));
        SubsidyDecision d = FrontlineRule.DEFAULT.decide(q);
        assertEquals(2, d.budgets().size());
        assertEquals(new BigDecimal("500.00"), d.members().get(2).amount());
        assertNull(d.members().get(3).budget());
    }

    /** "2023年起每年1000万元，2025年2000万元，一半用于…": each year its own budget, half of it reserved. */
    @Test
    void eachYearHasTheBudgetTheProvinceSetForIt() {
        FrontlineRule rule = new FrontlineRule(new BigDecimal("20000000.00"), new BigDecimal("0.5"),
                FrontlinePolicy.byYear("2023=10000000.00, 2024=10000000.00"));
        assertEquals(new BigDecimal("5000000.00"), rule.budgets(2024).get(0).total());
        assertEquals("zhejiang-frontline/2024/reserved", rule.budgets(2024).get(0).key());
        assertEquals(new BigDecimal("10000000.00"), rule.budgets(2025).get(0).total());
        assertEquals(new BigDecimal("10000000.00"), rule.budgets(2025).get(1).total());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FrontlinePolicy.byYear("2025:1"));
    }
}
