package org.example.stations.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.stations.api.Card;
import org.example.stations.api.ClosureReport;
import org.example.stations.api.ClosureReportRequest;
import org.example.stations.api.Rating;
import org.example.stations.api.RatingRequest;
import org.example.stations.api.Review;
import org.example.stations.api.ReviewRequest;
import org.example.stations.api.StationCard;
import org.example.stations.api.StationState;
import org.example.stations.api.StationsEvents;
import org.example.stations.api.Visit;
import org.example.stations.api.VisitRequest;
import org.osgi.service.event.Event;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;

/**
 * What a station is judged by and the judgement: members' ratings, visits the officers count, closure reports, and
 * the red/yellow-card review. A review locks the rows of the stations it covers, so two reviews never card one station
 * twice for one period; a red card closes the station.
 */
final class Reviews {

    private final ModuleContext ctx;
    private final StationAccess access;

    Reviews(ModuleContext ctx, StationAccess access) {
        this.ctx = ctx;
        this.access = access;
    }

    Rating rate(Caller caller, long stationId, RatingRequest r) {
        if (caller.memberId() == null) {
            throw HubException.forbidden("only members rate stations");
        }
        Validation v = new Validation();
        v.required("score", r.score());
        v.valid("score", r.score(), s -> s >= 1 && s <= 5, "must be between 1 and 5");
        v.maxLength("comment", r.comment(), 500);
        v.throwIfInvalid();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ctx.zone());
        String comment = Texts.blankToNull(r.comment());
        long id = ctx.db.inTransaction(c -> {
            StationAccess.requireActive(c, stationId);
            long ratingId;
            try {
                ratingId = ReviewStore.insertRating(c, stationId, caller.memberId(), r.score(), comment, today, now);
            } catch (SQLException e) {
                if (Sql.isDuplicateKey(e)) {
                    throw HubException.conflict("ratedOn", "you already rated this station today");
                }
                throw e;
            }
            ctx.audit.record(c, caller, "stations.rating.create", "rating", ratingId,
                    Map.of("stationId", stationId, "score", r.score()));
            return ratingId;
        });
        ctx.post(new Event(StationsEvents.STATION_RATED, Map.of("stationId", stationId, "score", r.score())));
        return new Rating(id, stationId, caller.memberId(), r.score(), comment, today, ctx.local(now));
    }

    Page<Rating> ratings(long stationId, PageRequest page) {
        return ctx.db.read(c -> {
            StationAccess.station(c, stationId);
            long total = ReviewStore.countRatings(c, stationId);
            List<Rating> items = ReviewStore.ratings(c, stationId, page.offset(), page.limit()).stream()
                    .map(x -> rating(stationId, x)).toList();
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    Rating rating(long stationId, long ratingId) {
        return ctx.db.read(c -> ReviewStore.rating(c, stationId, ratingId)).map(x -> rating(stationId, x))
                .orElseThrow(() -> HubException.notFound("rating", ratingId));
    }

    private Rating rating(long stationId, ReviewStore.RatingRow x) {
        return new Rating(x.id(), stationId, x.memberId(), x.score(), x.comment(), x.ratedOn(), ctx.local(x.createdAt()));
    }

    Visit recordVisits(Caller caller, long stationId, VisitRequest r) {
        access.requireManage(caller, stationId);
        LocalDate today = LocalDate.now(ctx.zone());
        LocalDate day = r.day() == null ? today : r.day();
        Validation v = new Validation();
        v.required("count", r.count());
        v.valid("count", r.count(), n -> n >= 1 && n <= 100_000, "must be between 1 and 100000");
        v.check(!day.isAfter(today), "day", "must not lie in the future");
        v.check(!day.isBefore(today.minusDays(366)), "day", "must lie within the last year");
        v.throwIfInvalid();
        Instant now = Instant.now();
        long id = ctx.db.inTransaction(c -> {
            StationAccess.requireActive(c, stationId);
            long visitId = ReviewStore.insertVisits(c, stationId, day, r.count(), caller.username(), now);
            ctx.audit.record(c, caller, "stations.visit.create", "visit", visitId,
                    Map.of("stationId", stationId, "day", day.toString(), "count", r.count()));
            return visitId;
        });
        return new Visit(id, stationId, day, r.count(), ctx.local(now));
    }

    ClosureReport reportClosure(Caller caller, long stationId, ClosureReportRequest r) {
        if (caller.isAnonymous()) {
            throw HubException.forbidden("sign in to report a station shut");
        }
        Instant now = Instant.now();
        Instant at = r.reportedAt() == null ? now.truncatedTo(ChronoUnit.SECONDS) : r.reportedAt().toInstant();
        Validation v = new Validation();
        v.check(!at.isAfter(now.plusSeconds(60)), "reportedAt", "must not lie in the future");
        v.check(!at.isBefore(now.minus(Duration.ofDays(7))), "reportedAt", "may lie at most 7 days back");
        v.maxLength("note", r.note(), 500);
        v.throwIfInvalid();
        String note = Texts.blankToNull(r.note());
        boolean[] during = new boolean[1];
        long id = ctx.db.inTransaction(c -> {
            StationRow s = StationAccess.requireActive(c, stationId);
            during[0] = Rules.isOpen(s.open24h(), s.hours(), at.atZone(ctx.zone()));
            long reportId = ReviewStore.insertClosureReport(c, stationId, at, during[0], note, caller.username(), now);
            ctx.audit.record(c, caller, "stations.closure.report", "closureReport", reportId,
                    Map.of("stationId", stationId, "reportedAt", at, "duringHours", during[0]));
            return reportId;
        });
        ctx.post(new Event(StationsEvents.CLOSURE_REPORTED, Map.of("stationId", stationId, "duringHours", during[0])));
        return new ClosureReport(id, stationId, ctx.local(at), during[0], note, ctx.local(now));
    }

    Page<ClosureReport> closureReports(Caller caller, long stationId, PageRequest page) {
        access.requireManage(caller, stationId);
        return ctx.db.read(c -> {
            long total = ReviewStore.countClosureReports(c, stationId);
            List<ClosureReport> items = ReviewStore.closureReports(c, stationId, page.offset(), page.limit()).stream()
                    .map(x -> new ClosureReport(x.id(), stationId, ctx.local(x.reportedAt()), x.duringHours(), x.note(),
                            ctx.local(x.createdAt()))).toList();
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    // ---- the red/yellow-card review

    Review review(Caller caller, ReviewRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Long orgId = reviewedOrg(caller, r);
        Instant from = r.from().atStartOfDay(ctx.zone()).toInstant();
        Instant to = r.to().plusDays(1).atStartOfDay(ctx.zone()).toInstant();
        int reportsForYellow = Math.max(1, ctx.config().review_closure_reports());
        int minUse = Math.max(0, ctx.config().review_min_use());
        Instant now = Instant.now();
        List<Event> events = new ArrayList<>();
        long reviewId = ctx.db.inTransaction(c -> {
            events.clear();
            List<StationRow> covered = new ArrayList<>();
            for (StationRow s : StationStore.activeBefore(c, to)) {
                if (orgId == null || ctx.directory.isWithin(s.orgId(), orgId)) {
                    covered.add(StationStore.lock(c, s.id()));
                }
            }
            for (StationRow s : covered) {
                if (ReviewStore.hasCardOverlapping(c, s.id(), r.from(), r.to())) {
                    throw HubException.conflict("from", "station " + s.id() + " was already reviewed for a period overlapping "
                            + r.from() + ".." + r.to());
                }
            }
            long id = ReviewStore.insertReview(c, orgId, r.from(), r.to(), caller.username(), now);
            for (StationRow s : covered) {
                ReviewStore.Use use = ReviewStore.use(c, s.id(), r.from(), r.to(), from, to);
                Rules.Verdict verdict = Rules.card(s.card(), use.closureReports(), use.visits() + use.bookings(),
                        reportsForYellow, minUse);
                long cardId = ReviewStore.insertCard(c, id, s.id(), verdict.card(), use, verdict.reasons(), r.from(), r.to(), now);
                ctx.audit.record(c, caller, "stations.card.issue", "station", s.id(),
                        Map.of("reviewId", id, "cardId", cardId, "card", verdict.card(), "reasons", verdict.reasons()));
                StationStore.setCard(c, s.id(), verdict.card(), now);
                if (verdict.card() == Card.RED) {
                    ctx.audit.record(c, caller, "stations.station.close", "station", s.id(), Map.of("state", StationState.CLOSED));
                    events.add(new Event(StationsEvents.STATION_CLOSED, Map.of("stationId", s.id(), "reviewId", id)));
                }
                if (verdict.card() != Card.NONE) {
                    events.add(new Event(StationsEvents.CARD_ISSUED, Map.of("stationId", s.id(), "reviewId", id,
                            "card", verdict.card().name())));
                }
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", r.from().toString());
            changes.put("to", r.to().toString());
            changes.put("orgId", orgId);
            changes.put("stations", covered.size());
            ctx.audit.record(c, caller, "stations.review.run", "review", id, changes);
            return id;
        });
        events.forEach(ctx::post);
        return reviewById(caller, reviewId);
    }

    /** The organisation a review covers (null: the whole hub, for admins only), after checking the request. */
    private Long reviewedOrg(Caller caller, ReviewRequest r) {
        LocalDate today = LocalDate.now(ctx.zone());
        Validation v = new Validation();
        v.required("from", r.from()).required("to", r.to());
        v.notBefore("to", r.to(), "from", r.from());
        v.valid("to", r.to(), t -> !t.isAfter(today), "must not lie in the future");
        if (r.from() != null && r.to() != null) {
            v.check(!r.to().isAfter(r.from().plusDays(365)), "to", "a review covers at most one year");
        }
        Long orgId = r.orgId() != null ? r.orgId() : caller.isAdmin() ? null : caller.orgId();
        if (r.orgId() != null && ctx.directory.org(r.orgId()).isEmpty()) {
            v.error("orgId", "organisation " + r.orgId() + " does not exist");
        }
        if (orgId == null && !caller.isAdmin()) {
            v.error("orgId", "is required");
        }
        v.throwIfInvalid();
        if (orgId != null && !caller.canManage(orgId, ctx.directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        return orgId;
    }

    Review reviewById(Caller caller, long reviewId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return ctx.db.read(c -> {
            ReviewStore.ReviewRow head = ReviewStore.review(c, reviewId).orElseThrow(() -> HubException.notFound("review", reviewId));
            if (head.orgId() == null ? !caller.isAdmin() : !caller.canManage(head.orgId(), ctx.directory)) {
                throw HubException.forbidden("review " + reviewId + " is outside your organisation");
            }
            List<StationCard> cards = ReviewStore.cardsOfReview(c, reviewId).stream().map(this::card).toList();
            return new Review(reviewId, head.orgId(), head.from(), head.to(), head.runBy(), ctx.local(head.runAt()), cards);
        });
    }

    List<StationCard> cards(long stationId) {
        return ctx.db.read(c -> {
            StationAccess.station(c, stationId);
            return ReviewStore.cardsOfStation(c, stationId).stream().map(this::card).toList();
        });
    }

    private StationCard card(ReviewStore.CardRow x) {
        return new StationCard(x.id(), x.reviewId(), x.stationId(), x.stationName(), x.card(), x.visits(), x.bookings(),
                x.closureReports(), x.reasons(), x.from(), x.to(), ctx.local(x.issuedAt()));
    }
}
