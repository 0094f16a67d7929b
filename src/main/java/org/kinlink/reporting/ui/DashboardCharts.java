package org.kinlink.reporting.ui;

import com.vaadin.flow.component.html.Image;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Bar charts for the dashboards, drawn on the server by JFreeChart and written as SVG by JFreeSVG,
 * shown as an image with the figures in its text alternative (the panels also list the same
 * numbers as text). Calm colours, labels already translated, numbers in the user's digits.
 */
final class DashboardCharts {

    private static final Color BAR = new Color(0x3B, 0x6E, 0x99);
    private static final Color GRID = new Color(0xD8, 0xDE, 0xE4);
    private static final Color TEXT = new Color(0x33, 0x3D, 0x47);

    private DashboardCharts() {}

    /**
     * A bar chart of {@code values} (label to count, in the order given). Horizontal bars suit long
     * labels (statuses, institutions); vertical bars suit days. {@code description} is the image's
     * alternative text.
     */
    static Image bars(Map<String, Long> values, boolean horizontal, Locale locale, String description) {
        // drawn about the size it is shown at in a card, so that its text is as large as the page's
        int width = horizontal ? 380 : 640;
        int height = horizontal ? Math.max(90, 36 + 30 * values.size()) : 260;
        String svg = svg(values, horizontal, locale, width, height);
        String source =
                "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        var image = new Image(source, description);
        image.addClassName("kl-dashboard-chart");
        image.setMaxWidth(width + "px");
        image.setWidthFull();
        return image;
    }

    /** The chart as an SVG document. */
    static String svg(Map<String, Long> values, boolean horizontal, Locale locale, int width, int height) {
        var data = new DefaultCategoryDataset();
        // SVG text is laid out left to right; a leading right-to-left mark keeps a right-to-left
        // label (a Persian date with its digits) in its reading order
        String mark = org.kinlink.ui.Languages.isRightToLeft(locale) ? "\u200F" : "";
        new LinkedHashMap<>(values).forEach((label, count) -> data.addValue(count, "figures", mark + label));
        var categories = new CategoryAxis();
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setMaximumCategoryLabelLines(2);
        categories.setTickLabelPaint(TEXT);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        if (!horizontal) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            categories.setCategoryMargin(0.15);
        }
        var numbers = new NumberAxis();
        numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        numbers.setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
        numbers.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        numbers.setTickLabelPaint(TEXT);
        numbers.setAxisLineVisible(false);
        numbers.setAutoRangeIncludesZero(true);
        numbers.setUpperMargin(0.08);
        if (values.values().stream().allMatch(v -> v == 0)) {
            numbers.setRange(0, 1); // an empty chart still shows its axis
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(horizontal ? 0.6 : 0.08);
        renderer.setDrawBarOutline(false);
        var plot = new CategoryPlot(data, categories, numbers, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        var chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        var g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }
}
