package org.unionhub.fairs.internal;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;

/** Union fairs in the officer console; its screens are in this bundle's console/ folder. */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return "fairs";
    }

    @Override
    public String titleZh() {
        return "工会集市";
    }

    @Override
    public String titleEn() {
        return "Union fairs";
    }

    @Override
    public int order() {
        return 10;
    }
}
