package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.HubSettings;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;

/** Archive rows as {@link RecordView}s: titles highest first, ID-card numbers masked unless revealed to an admin. */
final class RecordViews {

    private final PersonalDataCipher cipher;
    private final HubSettings hub;
    private final Configured config;

    RecordViews(PersonalDataCipher cipher, HubSettings hub, Configured config) {
        this.cipher = cipher;
        this.hub = hub;
        this.config = config;
    }

    /** {@code reveal}: the full number, birth date, birth year and sex (admins' single reads and exports). */
    List<RecordView> of(Connection c, Caller caller, List<Archive.Row> rows, boolean reveal) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        Map<Long, List<TitleView>> titles = new HashMap<>();
        RecordStore.titles(c, ids, (recordId, t) -> titles.computeIfAbsent(recordId, k -> new ArrayList<>()).add(t));
        List<String> order = config.get().levels();
        Comparator<TitleView> highestFirst = Comparator.comparingInt((TitleView t) -> {
            int i = order.indexOf(t.title());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparingInt(TitleView::yearAwarded);
        List<RecordView> out = new ArrayList<>();
        for (Archive.Row r : rows) {
            List<TitleView> held = new ArrayList<>(titles.getOrDefault(r.id(), List.of()));
            held.sort(highestFirst);
            TitleView top = held.isEmpty() ? null : held.get(0);
            boolean admin = caller.isAdmin();
            out.add(new RecordView(r.id(), r.name(), reveal ? cipher.decrypt(r.sealed()) : IdCardNumber.mask(r.masked()),
                    reveal ? r.birthDate() : null, admin ? r.birthDate().getYear() : null, admin ? r.sex() : null, top == null ? null : top.title(),
                    top == null ? null : top.yearAwarded(), top == null ? null : top.awardingBody(), List.copyOf(held),
                    r.workplace(), r.orgId(), r.contact(), r.memberId(), r.status(), time(r.createdAt()), time(r.updatedAt())));
        }
        return out;
    }

    OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }
}
