package org.unionhub.recuperation.internal.settle;

import java.util.List;

/** Attendance of a booking's travellers: every traveller once, with the days he stayed (0: did not go). */
public record AttendanceRequest(List<Attendance> attendance) {

    /** {@code days}: 0 … the stay's days; {@code completed}: whether he stayed to the end. */
    public record Attendance(Long memberId, Integer days, Boolean completed) {
    }
}
