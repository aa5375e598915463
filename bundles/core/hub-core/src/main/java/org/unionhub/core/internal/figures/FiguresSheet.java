package org.unionhub.core.internal.figures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.unionhub.api.csv.Csv;

/**
 * A figures report as a spreadsheet a higher union takes in: one row per organisation, module and figure, with
 * the organisation's level below the report's top, its own count, the total with everything below it, and the
 * target beside it. XLSX is written by fastexcel (Apache-2.0, Maven Central; it has no OSGi headers, so bnd
 * embeds its packages in hub-core); CSV is UTF-8 with a byte-order mark, so that Excel reads the Chinese names.
 */
final class FiguresSheet {

    static final List<String> HEADER = List.of("层级 level", "组织ID orgId", "组织 organisation", "上级ID parentId",
            "类型 kind", "模块 module", "指标 figure", "名称 label", "单位 unit", "本级 own", "合计 total", "目标 target",
            "完成率 achieved");
    /** fastexcel wants the writing application's version as digits, "NN.NNNN". */
    private static final String APP_VERSION = "1.0";

    private FiguresSheet() {
    }

    static void xlsx(FigureReport report, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "UnionHub", APP_VERSION);
        Worksheet ws = wb.newWorksheet("figures " + report.period());
        for (int c = 0; c < HEADER.size(); c++) {
            ws.value(0, c, HEADER.get(c));
        }
        int r = 1;
        for (FigureRow row : report.rows()) {
            ws.value(r, 0, row.level());
            ws.value(r, 1, row.orgId());
            ws.value(r, 2, row.orgName());
            if (row.parentId() != null) {
                ws.value(r, 3, row.parentId());
            }
            ws.value(r, 4, row.orgKind());
            ws.value(r, 5, row.module());
            ws.value(r, 6, row.figure());
            ws.value(r, 7, row.label());
            ws.value(r, 8, row.unit());
            ws.value(r, 9, row.own());
            ws.value(r, 10, row.total());
            if (row.target() != null) {
                ws.value(r, 11, row.target());
            }
            if (row.achieved() != null) {
                ws.value(r, 12, row.achieved());
            }
            r++;
        }
        wb.finish();
    }

    static void csv(FigureReport report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(Csv.line(HEADER.toArray()));
        for (FigureRow row : report.rows()) {
            w.write(Csv.line(row.level(), row.orgId(), row.orgName(), row.parentId(), row.orgKind(), row.module(),
                    row.figure(), row.label(), row.unit(), plain(row.own()), plain(row.total()), plain(row.target()),
                    plain(row.achieved())));
        }
        w.flush();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
