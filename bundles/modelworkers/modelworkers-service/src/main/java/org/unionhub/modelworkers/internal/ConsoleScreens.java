package org.unionhub.modelworkers.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;
import org.unionhub.api.security.Roles;

/** The model-worker archive and nomination review in the officer console (screens in console/). */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return Descriptor.ID;
    }

    @Override
    public String titleZh() {
        return "劳模档案";
    }

    @Override
    public String titleEn() {
        return "Model workers";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.OFFICER, "modelworkers-reviewer");
    }

    @Override
    public int order() {
        return 50;
    }
}
