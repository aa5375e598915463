package ${package}.internal;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;

/** ${moduleName} in the officer console; its screen is console/main.js in this bundle. */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return "${moduleId}";
    }

    @Override
    public String titleZh() {
        return "${moduleName}";
    }

    @Override
    public String titleEn() {
        return "${moduleName}";
    }
}
