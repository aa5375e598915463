package org.unionhub.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.web.ProblemTexts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Chinese texts every active bundle ships: its problem messages ({@code i18n/problems*.properties}, see
 * {@link MessageTemplates}) and, for a module (or the core), its labels ({@code labels/zh-CN.json}: {@code values}
 * by code, {@code fields} by JSON property name). A module that is disabled stops being active and its texts go
 * with it; one that is updated brings its new texts.
 */
@Component(service = Catalogues.class, immediate = true)
public class Catalogues {

    static final String MESSAGES = ProblemTexts.MESSAGES;
    static final String MESSAGES_ZH = ProblemTexts.MESSAGES_ZH;
    static final String LABELS = ProblemTexts.LABELS;
    static final String MODULE_HEADER = "UnionHub-Module";

    /** One bundle's texts; {@code module} is null for a bundle that is no module (hub-api, hub-web, a policy). */
    record Catalogue(String symbolicName, String module, MessageTemplates messages, ObjectNode labels) {

        String label(String kind, String key) {
            return labels == null ? null : labels.path(kind).path(key).asText(null);
        }

        /** The package prefix of the bundle's classes: its symbolic name, or that less {@code .service}. */
        boolean owns(String className) {
            return className.startsWith(symbolicName + ".")
                    || symbolicName.endsWith(".service") && className.startsWith(
                            symbolicName.substring(0, symbolicName.length() - ".service".length()) + ".");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Logger logger = LoggerFactory.getLogger(Catalogues.class);
    private final Map<Long, Catalogue> byBundle = new ConcurrentHashMap<>();
    private BundleTracker<Catalogue> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Catalogue addingBundle(Bundle bundle, BundleEvent event) {
                Catalogue c = read(bundle);
                if (c != null) {
                    byBundle.put(bundle.getBundleId(), c);
                }
                return c;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Catalogue c) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Catalogue c) {
                byBundle.remove(bundle.getBundleId());
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        byBundle.clear();
    }

    /** Every catalogue, modules first in id order, then the rest by symbolic name. */
    List<Catalogue> all() {
        List<Catalogue> out = new ArrayList<>(byBundle.values());
        out.sort(Comparator.comparing((Catalogue c) -> c.module() == null).thenComparing(
                c -> c.module() == null ? c.symbolicName() : c.module()));
        return out;
    }

    /** The catalogue of the first of our bundles (other than the api and web plumbing) on the stack, if any. */
    Optional<Catalogue> origin(Throwable e) {
        if (e == null) {
            return Optional.empty();
        }
        List<Catalogue> all = all();
        for (StackTraceElement frame : e.getStackTrace()) {
            String cls = frame.getClassName();
            if (!cls.startsWith("org.unionhub.") || cls.startsWith("org.unionhub.api.") || cls.startsWith("org.unionhub.web.")) {
                continue;
            }
            Optional<Catalogue> c = all.stream().filter(x -> x.owns(cls))
                    .max(Comparator.comparingInt(x -> x.symbolicName().length()));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Catalogue read(Bundle bundle) {
        URL en = bundle.getEntry(MESSAGES);
        URL zh = bundle.getEntry(MESSAGES_ZH);
        URL labels = bundle.getEntry(LABELS);
        if (en == null && labels == null) {
            return null;
        }
        try {
            MessageTemplates messages = new MessageTemplates(properties(en), properties(zh));
            ObjectNode l = null;
            if (labels != null) {
                try (InputStream in = labels.openStream()) {
                    l = (ObjectNode) JSON.readTree(in);
                }
            }
            return new Catalogue(bundle.getSymbolicName(), bundle.getHeaders().get(MODULE_HEADER), messages, l);
        } catch (IOException | RuntimeException e) {
            logger.warn("The texts of bundle {} cannot be read: {}", bundle.getSymbolicName(), e.toString());
            return null;
        }
    }

    static Properties properties(URL url) throws IOException {
        Properties p = new Properties();
        if (url != null) {
            try (Reader r = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }
}
