package io.mandate.testing;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Draws the PNG images {@code <plugin-info>} names for the Universal Plugin Manager and the Marketplace (app icon, logo
 * and banner, vendor icon and logo) from the same mark as {@code images/mandate.svg}: three people joined by one
 * decision. UPM reads these with {@code ImageIO}, which reads no SVG, hence rasters. Run after {@code mvn -B -o
 * test-compile}:
 *
 * <pre>java -cp target/test-classes io.mandate.testing.MarketplaceImages src/main/resources/images</pre>
 *
 * {@code PluginInfoTest} checks the files it wrote (format and size).
 */
public final class MarketplaceImages {

    /** One image: its file under images/ and its size in pixels. */
    public record Image(String file, int width, int height) {
    }

    public static final Image PLUGIN_ICON = new Image("mandate-icon.png", 16, 16);
    public static final Image PLUGIN_LOGO = new Image("mandate-logo.png", 144, 144);
    public static final Image PLUGIN_BANNER = new Image("mandate-banner.png", 1120, 548);
    public static final Image VENDOR_ICON = new Image("vendor-icon.png", 16, 16);
    public static final Image VENDOR_LOGO = new Image("vendor-logo.png", 72, 72);

    private static final Color BLUE = new Color(0x0052CC);
    private static final Color GREEN = new Color(0x36B37E);
    private static final Color ORANGE = new Color(0xFF991F);
    private static final Color SLATE = new Color(0x42526E);
    private static final Color INK = new Color(0x172B4D);

    private MarketplaceImages() {
    }

    public static void main(String[] args) throws IOException {
        File folder = new File(args.length > 0 ? args[0] : "src/main/resources/images");
        for (Image square : List.of(PLUGIN_ICON, PLUGIN_LOGO, VENDOR_ICON, VENDOR_LOGO)) {
            BufferedImage image = canvas(square);
            Graphics2D g = graphics(image);
            drawMark(g, 0, 0, square.width());
            g.dispose();
            write(image, new File(folder, square.file()));
        }
        write(banner(), new File(folder, PLUGIN_BANNER.file()));
    }

    /** The mark of mandate.svg (a 16×16 view box) scaled to a square of the given side at (x, y). */
    static void drawMark(Graphics2D g, double x, double y, double side) {
        double u = side / 16.0;
        g.setColor(SLATE);
        g.setStroke(new BasicStroke((float) (1.2 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x + 8 * u, y + 6.5 * u, x + 8 * u, y + 9 * u));
        g.draw(new Line2D.Double(x + 8 * u, y + 9 * u, x + 3.8 * u, y + 10.5 * u));
        g.draw(new Line2D.Double(x + 8 * u, y + 9 * u, x + 12.2 * u, y + 10.5 * u));
        circle(g, BLUE, x + 8 * u, y + 4 * u, 2.5 * u);
        circle(g, GREEN, x + 3 * u, y + 12 * u, 2.5 * u);
        circle(g, ORANGE, x + 13 * u, y + 12 * u, 2.5 * u);
    }

    private static void circle(Graphics2D g, Color color, double cx, double cy, double r) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    /** App name, vendor name and what the app does, as the Marketplace asks of a banner. */
    private static BufferedImage banner() {
        BufferedImage image = canvas(PLUGIN_BANNER);
        Graphics2D g = graphics(image);
        g.setColor(new Color(0xF4F5F7));
        g.fillRect(0, 0, PLUGIN_BANNER.width(), PLUGIN_BANNER.height());
        drawMark(g, 60, 134, 280);
        g.setColor(INK);
        text(g, new Font(Font.SANS_SERIF, Font.BOLD, 88), "Mandate", 230);
        Font body = new Font(Font.SANS_SERIF, Font.PLAIN, 30);
        text(g, body, "Who owns each decision, who holds which", 295);
        text(g, body, "authority, whether accountability is", 337);
        text(g, body, "healthy, and what each team may decide.", 379);
        g.setColor(SLATE);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 24);
        text(g, small, "For Jira Data Center 10 and Confluence Data Center 9", 440);
        text(g, small, "by Mandate", 474);
        g.dispose();
        return image;
    }

    /** One line of the banner's text column; fails rather than let a line run off the banner. */
    private static void text(Graphics2D g, Font font, String line, int baseline) {
        int left = 400;
        g.setFont(font);
        int width = g.getFontMetrics().stringWidth(line);
        if (left + width > PLUGIN_BANNER.width() - 40) {
            throw new IllegalStateException("Too wide for the banner (" + width + " px): " + line);
        }
        g.drawString(line, left, baseline);
    }

    private static BufferedImage canvas(Image spec) {
        return new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_ARGB);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static void write(BufferedImage image, File file) throws IOException {
        if (!ImageIO.write(image, "png", file)) {
            throw new IOException("No PNG writer for " + file);
        }
    }
}
