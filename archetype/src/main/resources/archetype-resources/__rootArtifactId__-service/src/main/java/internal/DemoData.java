package ${package}.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

import ${package}.api.ItemRequest;

/**
 * Demo installs only, and only while the module has no items: two items for organisation 2 of the core's demo
 * data, created through the service like any client's.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private static final long DEMO_ORG = 2;
    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference ItemServiceImpl items, @Reference MemberDirectory directory) {
        if (!settings.demo() || directory.org(DEMO_ORG).isEmpty()
                || items.list(Caller.SYSTEM, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        items.create(Caller.SYSTEM, new ItemRequest(DEMO_ORG, "示例条目", "演示数据：安装时加上 --no-demo 即不会创建"));
        items.create(Caller.SYSTEM, new ItemRequest(DEMO_ORG, "示例条目二", null));
        logger.info("${moduleId} demo data created: 2 items in organisation {}", DEMO_ORG);
    }
}
