package org.unionhub.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionhub.api.console.ConsoleExtension;

/** The module screens registered right now, with the bundles that carry their files. */
@Component(service = ConsoleRegistry.class)
public class ConsoleRegistry {

    record Entry(ConsoleExtension extension, Bundle bundle) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ServiceReference<ConsoleExtension> ref, ConsoleExtension extension) {
        entries.put(extension.moduleId(), new Entry(extension, ref.getBundle()));
    }

    void remove(ServiceReference<ConsoleExtension> ref, ConsoleExtension extension) {
        entries.remove(extension.moduleId());
    }

    List<ConsoleExtension> extensions() {
        return entries.values().stream().map(Entry::extension)
                .sorted(Comparator.comparingInt(ConsoleExtension::order).thenComparing(ConsoleExtension::moduleId)).toList();
    }

    /** The modules whose bundle carries member-app screens ({@code app/main.js}), in menu order. */
    List<Entry> withAppScreens() {
        return entries.values().stream().filter(e -> e.bundle().getEntry("app/main.js") != null)
                .sorted(Comparator.comparingInt((Entry e) -> e.extension().order()).thenComparing(e -> e.extension().moduleId()))
                .toList();
    }

    Optional<Bundle> bundleOf(String moduleId) {
        return Optional.ofNullable(entries.get(moduleId)).map(Entry::bundle);
    }
}
