package org.unionhub.core.internal.join;

import java.util.List;

/**
 * The privacy notice the join page shows before anything is sent: what is collected, why, and how long it is kept.
 * A join request records the version agreed to; a new text is a new version. The region's own wording goes here.
 */
public record PrivacyNotice(String version, String title, List<String> collected, String purpose, String retention,
        String text) {

    public static final String VERSION = "2026-11";

    public static PrivacyNotice current() {
        return new PrivacyNotice(VERSION, "入会个人信息处理告知",
                List.of("姓名", "身份证号码", "手机号码", "工作单位", "就业形态"),
                "仅用于办理入会、核实会员身份和提供会员服务；身份证号码加密保存，工作人员只能看到后四位。",
                "会籍存续期间保存；申请被退回的，按本地区工会数据保存规定删除。",
                "您提交入会申请，即表示同意工会按本告知收集和使用上述信息。您可以申请查阅、更正或删除您的个人信息。");
    }
}
