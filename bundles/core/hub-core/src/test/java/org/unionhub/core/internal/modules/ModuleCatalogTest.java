package org.unionhub.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;
import org.unionhub.core.internal.modules.ModuleCatalog.FeatureInfo;

class ModuleCatalogTest {

    private final ModuleCatalog catalog = new ModuleCatalog(List.of(
            new FeatureInfo("unionhub-core", "1", List.of("scr")),
            new FeatureInfo("unionhub-storage", "1", List.of()),
            new FeatureInfo("unionhub-fairs", "1", List.of("unionhub-core")),
            new FeatureInfo("unionhub-jobfairs", "1", List.of("unionhub-core")),
            new FeatureInfo("unionhub-recuperation", "1", List.of("unionhub-core")),
            new FeatureInfo("unionhub-recuperation-innermongolia", "1", List.of("unionhub-recuperation")),
            new FeatureInfo("unionhub-recuperation-zhejiang", "1", List.of("unionhub-recuperation")),
            new FeatureInfo("unionhub-stations", "1", List.of("unionhub-core", "unionhub-fairs")),
            new FeatureInfo("unionhub-profile-xiamen", "1", List.of("unionhub-fairs", "unionhub-jobfairs")),
            new FeatureInfo("unionhub-profile-innermongolia", "1",
                    List.of("unionhub-recuperation", "unionhub-recuperation-innermongolia")),
            new FeatureInfo("standard", "1", List.of())));

    @Test
    void readsModulesPoliciesAndProfilesFromFeatureNames() {
        assertEquals(Set.of("fairs", "jobfairs", "recuperation", "stations"), catalog.modules().keySet());
        assertEquals(Set.of("innermongolia", "zhejiang"), catalog.modules().get("recuperation").policies());
        assertEquals(Set.of("fairs"), catalog.modules().get("stations").requires());
        assertEquals(Set.of("xiamen", "innermongolia"), catalog.profiles().keySet());
    }

    @Test
    void expandsProfilesPoliciesAndRequiredModules() {
        assertEquals(Set.of("unionhub-fairs", "unionhub-jobfairs"), catalog.features("profile:xiamen"));
        assertEquals(Set.of("unionhub-recuperation", "unionhub-recuperation-innermongolia"),
                catalog.features("profile:innermongolia"));
        assertEquals(Set.of("unionhub-stations", "unionhub-fairs"), catalog.features("stations"));
        assertEquals(Set.of("unionhub-fairs", "unionhub-recuperation", "unionhub-recuperation-zhejiang"),
                catalog.features(" fairs , recuperation:zhejiang "));
        assertEquals(Set.of(), catalog.features(""));
    }

    @Test
    void refusesUnknownModulesPoliciesProfilesAndTwoPolicies() {
        assertProblem("fairs,banking", "unknown module 'banking'");
        assertProblem("recuperation:hainan", "unknown policy 'hainan'");
        assertProblem("fairs:x", "module 'fairs' has no policies");
        assertProblem("profile:tibet", "unknown profile 'tibet'");
        assertProblem("recuperation:zhejiang,recuperation:innermongolia", "cannot have two policies");
    }

    @Test
    void describesAnInstalledSet() {
        assertEquals("fairs,recuperation:zhejiang", catalog.specOf(Set.of("unionhub-core", "unionhub-fairs",
                "unionhub-recuperation", "unionhub-recuperation-zhejiang")));
    }

    private void assertProblem(String spec, String text) {
        HubException e = assertThrows(HubException.class, () -> catalog.features(spec));
        assertEquals(422, e.status());
        assertTrue(e.errors().get(0).message().contains(text), e.errors().toString());
        assertEquals("modules", e.errors().get(0).field());
    }
}
