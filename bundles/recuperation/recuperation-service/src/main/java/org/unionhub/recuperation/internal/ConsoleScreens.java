package org.unionhub.recuperation.internal;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;

/** Programmes and bookings in the officer console; its screens are in this bundle's console/ folder. */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return "recuperation";
    }

    @Override
    public String titleZh() {
        return "职工疗休养";
    }

    @Override
    public String titleEn() {
        return "Recuperation";
    }

    @Override
    public int order() {
        return 30;
    }
}
