package org.example.stations.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.example.stations.api.DayHours;
import org.example.stations.api.Locker;
import org.example.stations.api.LockerRequest;
import org.example.stations.api.RestockItem;
import org.example.stations.api.RestockRequest;
import org.example.stations.api.Station;
import org.example.stations.api.StationFilter;
import org.example.stations.api.StationRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

/**
 * Demo installs only: two 24-hour stations with face-scan entry and an 18-compartment smart locker stocked for
 * the week, and a day-time station for sanitation workers, as in the domain notes.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private static final List<String> SUPPLIES = List.of("矿泉水 bottled water", "藿香正气水 heatstroke remedy",
            "防晒霜 sunscreen", "清凉油 cooling balm", "口罩 masks", "雨伞 umbrella", "湿巾 wet wipes", "面包 bread",
            "饼干 biscuits", "创可贴 plasters", "充电宝 power bank", "雨衣 raincoat", "手套 work gloves", "毛巾 towel",
            "暖宝宝 heat packs", "绿豆汤 mung bean soup", "牛奶 milk", "纸巾 tissues");

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference StationsServiceImpl stations, @Reference MemberDirectory directory) {
        if (!settings.demo() || stations.stations(new StationFilter(null, null, null, null), PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Long haicang = directory.org(2).filter(o -> o.name().contains("海沧")).map(OrgInfo::id).orElse(null);
        Long siming = directory.org(3).filter(o -> o.name().contains("思明")).map(OrgInfo::id).orElse(haicang);
        if (haicang == null) {
            logger.info("Stations demo data skipped: the core demo organisations are not there");
            return;
        }
        List<String> full = List.of("rest", "water", "charging", "microwave", "toilet", "first-aid", "lockers", "wifi");
        Station xinyang = stations.createStation(Caller.SYSTEM, new StationRequest("海沧区新阳街道户外劳动者驿站 Xinyang Outdoor Workers' Station",
                "海沧区新阳街道新景路18号 18 Xinjing Road, Xinyang", haicang, true, null, full, "face-scan"));
        Station bay = stations.createStation(Caller.SYSTEM, new StationRequest("海沧湾公园工会驿站 Haicang Bay Park Union Station",
                "海沧区滨湖北路海沧湾公园东门 Haicang Bay Park, east gate", haicang, true, null, full, "face-scan"));
        List<DayHours> daytime = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            daytime.add(new DayHours(d, "06:00", "22:00"));
        }
        stations.createStation(Caller.SYSTEM, new StationRequest("思明区中山路环卫工人爱心驿站 Zhongshan Road Sanitation Workers' Station",
                "思明区中山路88号 88 Zhongshan Road", siming, false, daytime,
                List.of("rest", "water", "microwave", "toilet", "reading"), null));
        for (Station s : List.of(xinyang, bay)) {
            Locker locker = stations.addLocker(Caller.SYSTEM, s.id(), new LockerRequest("智能储物柜 A Smart locker A", 18));
            List<RestockItem> items = new ArrayList<>();
            for (int n = 1; n <= 18; n++) {
                items.add(new RestockItem(n, SUPPLIES.get(n - 1), n == 1 ? 48 : 12));
            }
            stations.restock(Caller.SYSTEM, s.id(), locker.id(), new RestockRequest(items));
        }
        logger.info("Stations demo data created: 3 stations, 2 of them 24-hour with an 18-compartment locker");
    }
}
