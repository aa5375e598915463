package org.unionhub.fairs.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

/** The rules of union fairs; the REST resources and other modules call these. */
@ProviderType
public interface FairsService {

    Fair createFair(Caller caller, FairRequest request);

    Fair updateFair(Caller caller, long fairId, FairRequest request);

    Fair closeFair(Caller caller, long fairId);

    Fair fair(long fairId);

    Page<Fair> fairs(FairFilter filter, PageRequest page);

    /**
     * The fairs as {@code caller} sees them in a list: an officer those of his organisation and below (the ones he
     * may manage), everyone else every fair (the list is public for merchants).
     */
    default Page<Fair> fairs(Caller caller, FairFilter filter, PageRequest page) {
        return fairs(filter, page);
    }

    Application apply(Caller caller, long fairId, ApplicationRequest request);

    Application application(Caller caller, long fairId, long applicationId, String withdrawalToken);

    Page<Application> applications(Caller caller, long fairId, ApplicationStatus status, PageRequest page);

    Application withdraw(Caller caller, long fairId, long applicationId, String withdrawalToken);

    Application accept(Caller caller, long fairId, long applicationId, String withdrawalToken);

    Application reject(Caller caller, long fairId, long applicationId, String reason);

    CouponBatch createBatch(Caller caller, CouponBatchRequest request);

    CouponBatch batch(long batchId);

    Page<CouponBatch> batches(Long fairId, PageRequest page);

    Coupon claim(Caller caller, long batchId, Long memberId);

    Page<Coupon> coupons(Caller caller, Long memberId, PageRequest page);

    Coupon coupon(Caller caller, String code);

    Coupon redeem(Caller caller, String code, RedeemRequest request);

    VisitSlot recordVisits(Caller caller, long fairId, VisitRequest request);

    Sale recordSale(Caller caller, long fairId, SaleRequest request);

    FairStats stats(Caller caller, long fairId);

    FairsSummary summary(Caller caller, LocalDate from, LocalDate to);
}
