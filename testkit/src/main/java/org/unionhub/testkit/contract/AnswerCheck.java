package org.unionhub.testkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The build's checker for testkit's {@code Answers}: every answer a Pax Exam test class got through
 * {@code HubTestSupport} must be one the contract declares (status, media type, body against its schema, problem+json
 * for errors), or the class fails after its tests. Named in the failsafe configuration ({@code unionhub.answers.checker}).
 */
public final class AnswerCheck implements Consumer<Path> {

    @Override
    public void accept(Path recording) {
        Contract contract = new Contract();
        if (Files.exists(recording)) {
            try {
                for (String line : Files.readAllLines(recording)) {
                    JsonNode a = Contract.JSON.readTree(line);
                    Map<String, List<String>> headers = new LinkedHashMap<>();
                    a.path("headers").fields().forEachRemaining(h -> {
                        List<String> values = new ArrayList<>();
                        h.getValue().forEach(v -> values.add(v.asText()));
                        headers.put(h.getKey(), values);
                    });
                    contract.check(a.path("method").asText(), URI.create(a.path("uri").asText()), a.path("status").asInt(),
                            headers, a.path("body").isNull() ? null : a.path("body").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println(recording.getFileName() + ": " + contract.checked() + " answers checked against the contract");
        contract.assertKept();
    }
}
