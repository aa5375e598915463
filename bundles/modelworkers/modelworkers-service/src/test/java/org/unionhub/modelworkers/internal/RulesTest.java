package org.unionhub.modelworkers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTest {

    private final Settings defaults = Settings.DEFAULTS;

    @Test
    void activeAndRetiredModelWorkersAreEligibleByDefault() {
        assertNull(Rules.subsidyRefusal(RecordStatus.ACTIVE, defaults));
        assertNull(Rules.subsidyRefusal(RecordStatus.RETIRED, defaults));
        String deceased = Rules.subsidyRefusal(RecordStatus.DECEASED, defaults);
        assertNotNull(deceased);
        assertTrue(deceased.contains("DECEASED") && deceased.contains("ACTIVE or RETIRED"), deceased);
        assertNotNull(Rules.subsidyRefusal(RecordStatus.TITLE_REVOKED, defaults));
    }

    @Test
    void eligibilityFollowsTheConfiguration() {
        Settings activeOnly = new Settings(defaults.levels(), Set.of(RecordStatus.ACTIVE), Settings.DEMO_AMOUNTS,
                Settings.DEMO_HARDSHIP_MAX, defaults.medicalThreshold(), defaults.materials(), 1000, 100_000, defaults.conferredLevels());
        assertNull(Rules.subsidyRefusal(RecordStatus.ACTIVE, activeOnly));
        assertNotNull(Rules.subsidyRefusal(RecordStatus.RETIRED, activeOnly));
    }

    /**
     * "全国劳动模范推荐评选": a region recommends its candidates for national titles upward; the title is conferred
     * later by the body that confers it. Only the region's own titles are awarded by its approval.
     */
    @ParameterizedTest(name = "{0} conferred by the region: {1}")
    @CsvSource({
        "NATIONAL_MODEL_WORKER, false",
        "NATIONAL_ADVANCED_WORKER, false",
        "MAY_DAY_MEDAL, false",
        "REGIONAL_MODEL_WORKER, true",
        "REGIONAL_ADVANCED_WORKER, true",
    })
    void aRegionAwardsOnlyTheTitlesItConfers(String level, boolean here) {
        assertEquals(here, defaults.confersHere(level));
        assertEquals(here, Settings.of(configDefaults()).confersHere(level));
    }

    /** The metatype defaults, as a hub without an etc/ file for the module reads them. */
    static ModuleConfig configDefaults() {
        return (ModuleConfig) java.lang.reflect.Proxy.newProxyInstance(RulesTest.class.getClassLoader(),
                new Class<?>[] {ModuleConfig.class}, (proxy, m, args) -> m.getDefaultValue());
    }

    @Test
    void theYearlySubsidyFollowsTheHighestTitle() {
        Settings demo = Settings.of(configDefaults(), true);
        assertEquals(new BigDecimal("3000.00"), Rules.annualAmount(List.of("REGIONAL_MODEL_WORKER", "NATIONAL_MODEL_WORKER"), demo));
        assertEquals(new BigDecimal("1200.00"), Rules.annualAmount(List.of("REGIONAL_ADVANCED_WORKER"), demo));
        assertNull(Rules.annualAmount(List.of("COUNTY_HERO"), demo), "a level with no configured amount");
        assertEquals(new BigDecimal("2400.00"), Settings.amounts(new String[] {"MAY_DAY_MEDAL=2400", "bad", "X=abc"})
                .get("MAY_DAY_MEDAL"));
    }

    @Test
    void surveysFlagHardship() {
        assertEquals(List.of(), Rules.surveyFlags(Survey.IncomeBand.MIDDLE, Survey.Health.GOOD, Survey.Housing.ADEQUATE, null,
                defaults));
        assertEquals(List.of("poor health on a low income"), Rules.surveyFlags(Survey.IncomeBand.LOW, Survey.Health.POOR,
                Survey.Housing.ADEQUATE, null, defaults));
        assertEquals(List.of(), Rules.surveyFlags(Survey.IncomeBand.HIGH, Survey.Health.POOR, Survey.Housing.ADEQUATE, null,
                defaults));
        // the Xinjiang case: 260,000 CNY self-paid of 570,000 CNY medical bills
        List<String> flags = Rules.surveyFlags(Survey.IncomeBand.LOW, Survey.Health.SERIOUS_ILLNESS, Survey.Housing.INADEQUATE,
                new BigDecimal("260000.00"), defaults);
        assertEquals(3, flags.size(), flags.toString());
        assertEquals(1, Rules.surveyFlags(Survey.IncomeBand.BELOW_LOCAL_MINIMUM, Survey.Health.GOOD, Survey.Housing.ADEQUATE,
                new BigDecimal("49999.99"), defaults).size());
    }

    @Test
    void yearsOfTitlesArePlausible() {
        assertNull(Rules.yearProblem(1950));
        assertNull(Rules.yearProblem(Year.now().getValue()));
        assertNotNull(Rules.yearProblem(1949));
        assertNotNull(Rules.yearProblem(Year.now().getValue() + 1));
        assertEquals("is required", Rules.yearProblem(null));
    }
}
