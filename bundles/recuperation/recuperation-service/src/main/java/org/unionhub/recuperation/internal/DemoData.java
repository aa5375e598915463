package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.recuperation.api.Category;

/** Demo installs only: the two Inner Mongolia union sanatoriums, a Zhejiang partner, and an off-season programme. */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference Catalogue catalogue) {
        if (!settings.demo() || catalogue.listSanatoriums(null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Caller sys = Caller.SYSTEM;
        // named exactly as the Inner Mongolia policy's qualifying list names them (its config key sanatoriums): a name
        // with anything added qualifies for no off-season subsidy
        Sanatorium hohhot = catalogue.createSanatorium(sys, new SanatoriumRequest("内蒙古工人疗养院", "内蒙古", true, 120));
        Sanatorium baotou = catalogue.createSanatorium(sys, new SanatoriumRequest("内蒙古工人包头疗养院", "内蒙古", true, 80));
        catalogue.createSanatorium(sys, new SanatoriumRequest("千岛湖职工疗休养基地 Qiandao Lake partner resort", "浙江", false, 200));
        // the next off-season: November of this year, or of the next once November has begun
        LocalDate today = catalogue.today();
        LocalDate november = LocalDate.of(today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear(), 11, 10);
        catalogue.createProgramme(sys, new ProgrammeRequest(hohhot.id(), "冬季温泉疗休养 Winter hot-spring stay", november, 5, null, 40,
                new BigDecimal("260.00"), List.of(new QuotaRequest(Category.NEW_FORM, 10, november.minusDays(14)),
                        new QuotaRequest(Category.MODEL_WORKER, 5, november.minusDays(14)))));
        catalogue.createProgramme(sys, new ProgrammeRequest(baotou.id(), "春季疗休养 Spring stay", november.plusMonths(5), 4, null, 30,
                new BigDecimal("220.00"), List.of()));
        logger.info("Recuperation demo data created: 3 sanatoriums, 2 programmes");
    }
}
