package org.unionhub.jobfairs.internal;

import java.util.List;

/**
 * The figures of a fair. Employers, positions and headcount count approved employers only;
 * interviews, offers and hires count applications that reached that step.
 */
public record Stats(long fairId, long employers, long employersPending, long positions, long headcount,
        long applications, long interviews, long offers, long hires, int boothCapacity, int boothsTaken,
        List<IndustryFigures> byIndustry, long livestreamSessions, long livestreamPeakViewers,
        long livestreamViewers, long livestreamApplications, List<SessionFigures> byLivestream) {

    /** The same figures for one industry (of the employer, and of the position for its rows). */
    public record IndustryFigures(String industry, long employers, long positions, long headcount, long applications,
            long interviews, long offers, long hires) {
    }

    public record SessionFigures(long livestreamId, String title, int peakViewers, int totalViewers,
            long applications) {
    }
}
