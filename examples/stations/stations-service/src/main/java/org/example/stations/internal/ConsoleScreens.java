package org.example.stations.internal;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;

/** Rest stations in the officer console; its screen is this bundle's console/main.js. */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return "stations";
    }

    @Override
    public String titleZh() {
        return "工会驿站";
    }

    @Override
    public String titleEn() {
        return "Rest stations";
    }
}
