package org.unionhub.modelworkers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

/**
 * The subsidy amounts (3000/3000/2400/1800/1200) and the 50,000 hardship cap are in none of the reports: a non-demo
 * hub ships none of them and asks the region; a demo hub uses them as demo data.
 */
class RegionSettingsTest {

    @Test
    void aNonDemoHubShipsNoInventedAmountsAndNamesTheSettingsItNeeds() {
        Settings fresh = Settings.of(RulesTest.configDefaults(), false);
        assertEquals(List.of("annual.amounts", "hardship.max.amount"), fresh.missing());
        HubException annual = assertThrows(HubException.class, fresh::annualAmounts);
        assertEquals(409, annual.status());
        assertEquals("annual.amounts", annual.errors().get(0).field());
        HubException cap = assertThrows(HubException.class, fresh::hardshipMax);
        assertEquals(409, cap.status());
        assertEquals("hardship.max.amount", cap.errors().get(0).field());
    }

    @Test
    void theRegionsOwnFiguresApplyOnEveryHubAndTheDemoOnesOnlyOnADemoHub() {
        Settings demo = Settings.of(RulesTest.configDefaults(), true);
        assertEquals(List.of(), demo.missing());
        assertEquals(new BigDecimal("50000.00"), demo.hardshipMax());
        assertEquals(new BigDecimal("1800.00"), demo.annualAmounts().get("REGIONAL_MODEL_WORKER"));
        ModuleConfig regional = (ModuleConfig) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ModuleConfig.class}, (proxy, m, args) ->
                        switch (m.getName()) {
                            case "annual_amounts" -> new String[] {"REGIONAL_MODEL_WORKER=2000"};
                            case "hardship_max_amount" -> "30000";
                            default -> m.getDefaultValue();
                        });
        for (boolean isDemo : new boolean[] {false, true}) {
            Settings s = Settings.of(regional, isDemo);
            assertEquals(List.of(), s.missing());
            assertEquals(new BigDecimal("30000.00"), s.hardshipMax());
            assertEquals(1, s.annualAmounts().size());
        }
    }
}
