/*
 * The report's bar chart, drawn with the JDK alone (java.awt, headless, and
 * ImageIO): per workload, a bar for this engine's speed over SQLite's and one
 * over H2's, on a logarithmic scale centred on 1.0 (bars to the right: this
 * engine is faster), with the 0.8 and 1.0 marks.
 */
package turso.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;
import javax.imageio.ImageIO;

final class RatioChart {

    /** One workload's two ratios (NaN when not measured). */
    record Bar(String label, double vsSqlite, double vsH2) {
    }

    private static final Color SQLITE = new Color(0x3B6EA8);
    private static final Color H2 = new Color(0xE08E2B);
    private static final int LEFT = 210;
    private static final int RIGHT = 40;
    private static final int TOP = 70;
    private static final int ROW = 40;
    private static final int WIDTH = 960;

    private RatioChart() {
    }

    static void write(List<Bar> bars, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + bars.size() * ROW + 50;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, bars, height);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    private static void draw(Graphics2D g, List<Bar> bars, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);

        double lo = -1;
        double hi = 1;
        for (Bar b : bars) {
            for (double r : new double[] {b.vsSqlite(), b.vsH2()}) {
                if (r > 0 && !Double.isNaN(r)) {
                    lo = Math.min(lo, Math.floor(Math.log10(r)));
                    hi = Math.max(hi, Math.ceil(Math.log10(r)));
                }
            }
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        double decades = hi - lo;
        double low = lo;
        DoubleToIntFunction xOf = r -> LEFT + (int) Math.round((Math.log10(r) - low) / decades
                * plotWidth);
        int bottom = TOP + bars.size() * ROW;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Turso (JDBC) speed relative to SQLite (sqlite-jdbc) and H2, per workload", LEFT - 150, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        legend(g, LEFT, 48, SQLITE, "turso / sqlite");
        legend(g, LEFT + 140, 48, H2, "turso / h2");

        for (double d = lo; d <= hi; d++) {
            int px = xOf.applyAsInt(Math.pow(10, d));
            g.setColor(d == 0 ? Color.BLACK : new Color(0xDDDDDD));
            g.setStroke(new BasicStroke(d == 0 ? 2f : 1f));
            g.drawLine(px, TOP - 6, px, bottom);
            g.setColor(Color.DARK_GRAY);
            String tick = d >= 0 ? String.format(Locale.ROOT, "%.0f", Math.pow(10, d))
                    : String.format(Locale.ROOT, "%." + (int) -d + "f", Math.pow(10, d));
            centered(g, tick, px, bottom + 18);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("log scale; right of 1.0: turso is faster; dashed: 0.8", LEFT, bottom + 38);
        int mark = xOf.applyAsInt(0.8);
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        g.drawLine(mark, TOP - 6, mark, bottom);
        g.setStroke(new BasicStroke(1f));

        int one = xOf.applyAsInt(1);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = TOP + i * ROW;
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(b.label(), LEFT - 12 - fm.stringWidth(b.label()), y + ROW / 2 + 4);
            bar(g, xOf, one, y + 6, b.vsSqlite(), SQLITE);
            bar(g, xOf, one, y + 6 + (ROW - 12) / 2, b.vsH2(), H2);
        }
    }

    private static void bar(Graphics2D g, DoubleToIntFunction xOf, int one, int y, double ratio,
            Color color) {
        int h = (ROW - 12) / 2 - 1;
        if (Double.isNaN(ratio) || ratio <= 0) {
            g.setColor(Color.GRAY);
            g.drawString("not measured", one + 4, y + h - 3);
            return;
        }
        int end = xOf.applyAsInt(ratio);
        g.setColor(color);
        g.fillRect(Math.min(one, end), y, Math.max(1, Math.abs(end - one)), h);
        g.setColor(Color.BLACK);
        String text = Report.ratioText(ratio);
        FontMetrics fm = g.getFontMetrics();
        int tx = end >= one ? end + 4 : end - 4 - fm.stringWidth(text);
        g.drawString(text, tx, y + h - 3);
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y, 14, 12);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 20, y + 10);
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
