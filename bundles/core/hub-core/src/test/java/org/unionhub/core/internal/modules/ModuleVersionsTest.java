package org.unionhub.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleVersionsTest {

    @Test
    void mavenAndOsgiSpellingsCompareAlike() {
        assertTrue(ModuleVersions.newer("0.1.1", "0.1.0-SNAPSHOT"));
        assertTrue(ModuleVersions.newer("0.1.1", "0.1.0.SNAPSHOT"));
        assertFalse(ModuleVersions.newer("0.1.0-SNAPSHOT", "0.1.0.SNAPSHOT"));
        assertTrue(ModuleVersions.newer("1.0", "0.9.9"));
        assertTrue(ModuleVersions.newer("0.1.10", "0.1.9"));
        assertFalse(ModuleVersions.newer("0.1.0", "0.1.0"));
    }
}
