package org.unionhub.modelworkers.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;


/**
 * An archive record as the API shows it. {@code idNumber} shows its last 4 characters, and {@code birthDate},
 * {@code birthYear} and {@code sex} are null (they narrow the number down to a few dozen guesses), except for
 * admins; {@code title} and {@code yearAwarded} are those of the highest title held, {@code titles} all of them.
 */
public record RecordView(long id, String name, String idNumber, LocalDate birthDate, Integer birthYear, String sex,
        String title, Integer yearAwarded, String awardingBody, List<TitleView> titles, String workplace, long orgId,
        String contact, Long memberId, RecordStatus status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
