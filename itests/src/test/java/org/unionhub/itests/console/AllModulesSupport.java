package org.unionhub.itests.console;

/** A container with the core and all five service modules, for the console's server-side tests. */
public abstract class AllModulesSupport extends ConsoleServerSupport {

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs", "unionhub-recuperation",
            "unionhub-mutualaid", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers"};
    }
}
