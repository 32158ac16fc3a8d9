package io.mandate.architecture;

import io.mandate.testing.MarketplaceImages;
import io.mandate.testing.MarketplaceImages.Image;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The Marketplace parameters of {@code <plugin-info>} in atlassian-plugin.xml (docs/admin-guide/install.md, "What the
 * Universal Plugin Manager shows"): a Data Center compatible, free app whose images UPM can show.
 */
public class PluginInfoTest {

    private static Map<String, String> params;
    private static Element vendor;

    @BeforeClass
    public static void readPluginInfo() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element info = (Element) factory.newDocumentBuilder().parse(new File("atlassian-plugin.xml"))
                .getElementsByTagName("plugin-info").item(0);
        params = new LinkedHashMap<>();
        NodeList list = info.getElementsByTagName("param");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            params.put(p.getAttribute("name"), p.getTextContent().trim());
        }
        vendor = (Element) info.getElementsByTagName("vendor").item(0);
    }

    @Test
    public void theAppDeclaresItselfDataCenterCompatibleBothWays() {
        assertEquals("compatible", params.get("atlassian-data-center-status"));
        assertEquals("true", params.get("atlassian-data-center-compatible"));
    }

    /** Licensing is off, and the plugin uses none of UPM's licensing API that turning it on would call for. */
    @Test
    public void licensingIsOffAndNothingChecksALicence() throws Exception {
        assertEquals("false", params.get("atlassian-licensing-enabled"));
        Set<String> used = AtlassianProfile.usedAtlassianPackages(new File("target/classes"), new File("atlassian-plugin.xml"));
        assertTrue(used.toString(), used.stream().noneMatch(p -> p.startsWith("com.atlassian.upm")));
    }

    @Test
    public void theParametersAreExactlyTheDocumentedOnes() {
        assertEquals(Set.of("atlassian-data-center-status", "atlassian-data-center-compatible", "atlassian-licensing-enabled",
                "plugin-icon", "plugin-logo", "plugin-banner", "vendor-icon", "vendor-logo"), params.keySet());
    }

    /**
     * UPM opens base URL + configure.url / post.install.url / post.update.url in whichever product it runs; the
     * administration page exists in Jira only, so declaring one would send Confluence administrators to a 404.
     */
    @Test
    public void noConfigureOrGetStartedLinkBecauseTheAdministrationPageIsJirasOnly() {
        for (String link : new String[] {"configure.url", "post.install.url", "post.update.url"}) {
            assertTrue(link, !params.containsKey(link));
        }
    }

    @Test
    public void theVendorHasANameAndAWebSite() {
        assertEquals("Mandate", vendor.getAttribute("name"));
        assertTrue(vendor.getAttribute("url"), vendor.getAttribute("url").startsWith("https://"));
    }

    /** Each image is where the jar will have it (target/classes), readable as UPM reads it (ImageIO), at its size. */
    @Test
    public void everyImageIsARasterUpmCanReadAtItsSize() throws Exception {
        Map<String, Image> images = Map.of(
                "plugin-icon", MarketplaceImages.PLUGIN_ICON, "plugin-logo", MarketplaceImages.PLUGIN_LOGO,
                "plugin-banner", MarketplaceImages.PLUGIN_BANNER, "vendor-icon", MarketplaceImages.VENDOR_ICON,
                "vendor-logo", MarketplaceImages.VENDOR_LOGO);
        for (Map.Entry<String, Image> e : images.entrySet()) {
            String location = params.get(e.getKey());
            assertEquals(e.getKey(), "images/" + e.getValue().file(), location);
            File file = new File("target/classes", location);
            assertTrue(file + " is in the build", file.isFile());
            BufferedImage image = ImageIO.read(file);
            assertNotNull(location + " is a format ImageIO reads (UPM shows nothing for SVG)", image);
            assertEquals(location + " width", e.getValue().width(), image.getWidth());
            assertEquals(location + " height", e.getValue().height(), image.getHeight());
        }
    }

    /** The Marketplace's sizes for the logo and the banner (developer.atlassian.com, declaring marketing assets). */
    @Test
    public void logoAndBannerHaveTheMarketplaceSizes() {
        assertEquals(144, MarketplaceImages.PLUGIN_LOGO.width());
        assertEquals(144, MarketplaceImages.PLUGIN_LOGO.height());
        assertEquals(1120, MarketplaceImages.PLUGIN_BANNER.width());
        assertEquals(548, MarketplaceImages.PLUGIN_BANNER.height());
    }

    @Test
    public void anSvgIsNotReadableTheWayUpmReadsImages() throws Exception {
        assertEquals("the check above can fail: UPM's reader returns nothing for the SVG mark", null,
                ImageIO.read(new File("src/main/resources/images/mandate.svg")));
    }
}
