package org.unionhub.core.internal.personal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The notice texts, in Chinese: the hub ships one per purpose ({@code notices/<purpose>.json} beside this class), a
 * region replaces it with {@code etc/unionhub/notices/<purpose>.json} (same fields, its own {@code version}). Read
 * on every request, so a region's new text applies at once.
 */
@Component(service = Notices.class)
public class Notices {

    static final Set<String> PURPOSES = Set.of("join", "claim", "cv", "nomination", "jobboard", "programme", "trip", "survey");
    private final ObjectMapper json = new ObjectMapper();
    private final HubSettings settings;

    @Activate
    public Notices(@Reference HubSettings settings) {
        this.settings = settings;
    }

    public Notice get(String purpose) {
        if (purpose == null || !PURPOSES.contains(purpose)) {
            throw HubException.notFound("notice", purpose);
        }
        try {
            Notice n;
            String etc = System.getProperty("karaf.etc");
            Path own = etc == null ? null : Path.of(etc, "unionhub", "notices", purpose + ".json");
            if (own != null && Files.isRegularFile(own)) {
                n = json.readValue(own.toFile(), Notice.class);
            } else {
                try (InputStream in = Notices.class.getResourceAsStream("notices/" + purpose + ".json")) {
                    n = json.readValue(in, Notice.class);
                }
            }
            return new Notice(purpose, n.module(), n.version(), settings.regionCode(), n.title(), n.collects(), n.why(),
                    n.whoSees(), n.keptFor(), n.sensitive() == null ? java.util.List.of() : n.sensitive(), n.text());
        } catch (IOException e) {
            throw new IllegalStateException("notice " + purpose + " cannot be read: " + e.getMessage(), e);
        }
    }
}
