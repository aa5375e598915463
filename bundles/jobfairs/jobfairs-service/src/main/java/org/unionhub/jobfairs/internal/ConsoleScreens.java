package org.unionhub.jobfairs.internal;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;

/** Job fairs in the officer console; its screens are in this bundle's console/ folder. */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return "jobfairs";
    }

    @Override
    public String titleZh() {
        return "招聘会";
    }

    @Override
    public String titleEn() {
        return "Job fairs";
    }

    @Override
    public int order() {
        return 20;
    }
}
