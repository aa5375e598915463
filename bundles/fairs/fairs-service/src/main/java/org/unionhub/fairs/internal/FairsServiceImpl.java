package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairStats;
import org.unionhub.fairs.api.FairsService;
import org.unionhub.fairs.api.FairsSummary;
import org.unionhub.fairs.api.RedeemRequest;
import org.unionhub.fairs.api.Sale;
import org.unionhub.fairs.api.SaleRequest;
import org.unionhub.fairs.api.VisitRequest;
import org.unionhub.fairs.api.VisitSlot;
import org.unionhub.fairs.internal.coupons.BatchWriter;

/**
 * The fairs service of the api bundle, one DS component that only delegates. The rules live by aggregate:
 * {@link Fairs} (fairs), {@link StallApplications} (the stall rush, its line and offers), {@link Coupons} (batches,
 * claims, redemption) and {@link Figures} (visits, sales, statistics); their SQL in {@link FairStore},
 * {@link ApplicationStore}, {@link CouponStore} and {@link FigureStore}; who manages which fair in {@link FairAccess}.
 */
@Component(service = {FairsService.class, FairsServiceImpl.class}, configurationPid = "org.unionhub.fairs")
@Designate(ocd = ModuleConfig.class)
public class FairsServiceImpl implements FairsService {

    static final String MERCHANT = Coupons.MERCHANT;

    private final Logger logger = LoggerFactory.getLogger(FairsServiceImpl.class);
    private final Fairs fairs;
    private final StallApplications applications;
    private final Coupons coupons;
    private final Figures figures;

    @Activate
    public FairsServiceImpl(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings settings, @Reference EventAdmin eventAdmin,
            ModuleConfig config) {
        Publisher publisher = new Publisher(eventAdmin);
        FairAccess access = new FairAccess(db, directory);
        FairStore fairStore = new FairStore(settings, directory);
        applications = new StallApplications(db, audit, settings, access, new ApplicationStore(settings), publisher);
        fairs = new Fairs(db, audit, directory, access, fairStore, applications, publisher);
        coupons = new Coupons(db, audit, directory, settings, access, new CouponStore(settings, directory), publisher);
        figures = new Figures(db, audit, settings, access, fairStore, new FigureStore(settings), applications);
        configure(config);
    }

    @Modified
    void configure(ModuleConfig config) {
        try {
            BigDecimal fee = new BigDecimal(config.stall_fee_per_day().trim());
            if (fee.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            fairs.defaultFee(Money.normalize(fee));
        } catch (NumberFormatException e) {
            logger.warn("stall.fee.per.day '{}' in org.unionhub.fairs is not an amount; using 0.00", config.stall_fee_per_day());
            fairs.defaultFee(Money.of(0));
        }
    }

    @Override
    public Fair createFair(Caller caller, FairRequest r) {
        return fairs.create(caller, r);
    }

    @Override
    public Fair updateFair(Caller caller, long fairId, FairRequest r) {
        return fairs.update(caller, fairId, r);
    }

    @Override
    public Fair closeFair(Caller caller, long fairId) {
        return fairs.close(caller, fairId);
    }

    @Override
    public Fair fair(long fairId) {
        return fairs.fair(fairId);
    }

    @Override
    public Page<Fair> fairs(FairFilter filter, PageRequest page) {
        return fairs.fairs(Caller.ANONYMOUS, filter, page);
    }

    @Override
    public Page<Fair> fairs(Caller caller, FairFilter filter, PageRequest page) {
        return fairs.fairs(caller, filter, page);
    }

    @Override
    public Application apply(Caller caller, long fairId, ApplicationRequest r) {
        return applications.apply(caller, fairId, r);
    }

    @Override
    public Application application(Caller caller, long fairId, long applicationId, String token) {
        return applications.application(caller, fairId, applicationId, token);
    }

    @Override
    public Page<Application> applications(Caller caller, long fairId, ApplicationStatus status, PageRequest page) {
        return applications.applications(caller, fairId, status, page);
    }

    @Override
    public Application withdraw(Caller caller, long fairId, long applicationId, String token) {
        return applications.withdraw(caller, fairId, applicationId, token);
    }

    @Override
    public Application accept(Caller caller, long fairId, long applicationId, String token) {
        return applications.accept(caller, fairId, applicationId, token);
    }

    @Override
    public Application reject(Caller caller, long fairId, long applicationId, String reason) {
        return applications.reject(caller, fairId, applicationId, reason);
    }

    /** For the scheduled sweep ({@link OfferSweeper}): every fair with a lapsed offer passes it on. */
    void expireAllDue() {
        applications.expireAllDue();
    }

    @Override
    public CouponBatch createBatch(Caller caller, CouponBatchRequest r) {
        return coupons.createBatches(caller, List.of(r), null).get(0);
    }

    /** The batches of one order in one transaction, each with what {@code each} writes (issue 19's terms). */
    public List<CouponBatch> createBatches(Caller caller, List<CouponBatchRequest> months, BatchWriter each) {
        return coupons.createBatches(caller, months, each);
    }

    @Override
    public CouponBatch batch(long batchId) {
        return coupons.batch(batchId);
    }

    @Override
    public Page<CouponBatch> batches(Long fairId, PageRequest page) {
        return coupons.batches(fairId, page);
    }

    @Override
    public Coupon claim(Caller caller, long batchId, Long memberId) {
        return coupons.claim(caller, batchId, memberId);
    }

    @Override
    public Page<Coupon> coupons(Caller caller, Long memberId, PageRequest page) {
        return coupons.coupons(caller, memberId, page);
    }

    @Override
    public Coupon coupon(Caller caller, String code) {
        return coupons.coupon(caller, code);
    }

    @Override
    public Coupon redeem(Caller caller, String code, RedeemRequest r) {
        return coupons.redeem(caller, code, r);
    }

    @Override
    public VisitSlot recordVisits(Caller caller, long fairId, VisitRequest r) {
        return figures.recordVisits(caller, fairId, r);
    }

    @Override
    public Sale recordSale(Caller caller, long fairId, SaleRequest r) {
        return figures.recordSale(caller, fairId, r);
    }

    @Override
    public FairStats stats(Caller caller, long fairId) {
        return figures.stats(caller, fairId);
    }

    @Override
    public FairsSummary summary(Caller caller, LocalDate from, LocalDate to) {
        return figures.summary(caller, from, to);
    }
}
